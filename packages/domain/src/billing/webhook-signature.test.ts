import { describe, expect, it } from 'vitest';
import { signWebhookPayload, verifyWebhookSignature } from './webhook-signature';
import { webhookBackoffMs } from './webhook-backoff';

const secret = 'whsec_test';
const body = JSON.stringify({ id: 'x', data: { units: 3 } });
const now = new Date('2026-05-01T12:00:00Z');
const t = Math.floor(now.getTime() / 1000);

describe('webhook signatures', () => {
  it('a signature verifies for the same body, secret and time', () => {
    const header = signWebhookPayload(secret, body, t);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, body, 300, now)).toBe(true);
    expect(verifyWebhookSignature(secret, header, Buffer.from(body), 300, now)).toBe(true);
  });

  it('a tampered body, another secret, a stale timestamp or garbage fail', () => {
    const header = signWebhookPayload(secret, body, t);
    expect(verifyWebhookSignature(secret, header, body.replace('3', '4'), 300, now)).toBe(false);
    expect(verifyWebhookSignature('other', header, body, 300, now)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, 300, new Date(now.getTime() + 301_000))).toBe(false);
    expect(verifyWebhookSignature(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, 300, now)).toBe(false);
    expect(verifyWebhookSignature(secret, 'v1=abc', body, 300, now)).toBe(false);
    expect(verifyWebhookSignature(secret, undefined, body, 300, now)).toBe(false);
  });

  it('accepts any of several v1 signatures (secret rotation)', () => {
    const good = signWebhookPayload(secret, body, t).split(',')[1];
    const other = signWebhookPayload('old-secret', body, t).split(',')[1];
    expect(verifyWebhookSignature(secret, `t=${t},${other},${good}`, body, 300, now)).toBe(true);
  });
});

describe('webhook backoff', () => {
  it('doubles up to the cap, with jitter between half and all of the step', () => {
    expect(webhookBackoffMs(1, { random: () => 1 })).toBe(10_000);
    expect(webhookBackoffMs(1, { random: () => 0 })).toBe(5_000);
    expect(webhookBackoffMs(3, { random: () => 1 })).toBe(40_000);
    expect(webhookBackoffMs(40, { random: () => 1 })).toBe(3_600_000);
  });
});
