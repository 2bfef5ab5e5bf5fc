import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newWebhookSecret, signStandardWebhook, standardWebhookKey, standardWebhookSecret } from './standard-webhook-signature';

const body = JSON.stringify({ id: 'usg_1', data: { units: 3 } });
const now = new Date('2026-05-01T12:00:00Z');
const t = Math.floor(now.getTime() / 1000);

function headers(secret: string, id = 'usg_1', timestamp = t, signed = body) {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signStandardWebhook(secret, id, timestamp, signed) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Standard Webhooks signatures', () => {
  it('new secrets are whsec_ and standard base64 of 32 bytes, and the library verifies what they sign', () => {
    vi.useFakeTimers({ toFake: ['Date'], now });
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(standardWebhookKey(secret)).toHaveLength(32);
    expect(standardWebhookSecret(secret)).toBe(secret);
    expect(new Webhook(secret).verify(body, headers(secret))).toEqual(JSON.parse(body));
    expect(signStandardWebhook(secret, 'usg_1', t, body)).toBe(new Webhook(secret).sign('usg_1', now, body));
  });

  it('another id, timestamp, body or secret fails in the library', () => {
    vi.useFakeTimers({ toFake: ['Date'], now });
    const secret = newWebhookSecret();
    const good = headers(secret);
    expect(() => new Webhook(secret).verify(body.replace('3', '4'), good)).toThrow(/signature/i);
    expect(() => new Webhook(secret).verify(body, { ...good, 'webhook-id': 'usg_2' })).toThrow(/signature/i);
    expect(() => new Webhook(secret).verify(body, { ...good, 'webhook-timestamp': String(t + 1) })).toThrow(/signature/i);
    expect(() => new Webhook(newWebhookSecret()).verify(body, good)).toThrow(/signature/i);
    vi.setSystemTime(now.getTime() + 301_000);
    expect(() => new Webhook(secret).verify(body, good)).toThrow(/too old/i);
  });

  it('a secret of the older base64url form signs with the same bytes; its standard form verifies', () => {
    vi.useFakeTimers({ toFake: ['Date'], now });
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, index) => (index * 37 + 251) % 256));
    const old = `whsec_${bytes.toString('base64url')}`;
    expect(old).toMatch(/[-_]/);
    expect(standardWebhookKey(old).equals(bytes)).toBe(true);
    expect(() => new Webhook(old)).toThrow();
    expect(new Webhook(standardWebhookSecret(old)).verify(body, headers(old))).toEqual(JSON.parse(body));
  });
});
