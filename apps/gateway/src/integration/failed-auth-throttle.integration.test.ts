// Failed authentication throttled per client address (behind a trusted proxy, so each
// test picks its address with X-Forwarded-For).
import { generateApiKey } from '@tollgate/domain';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { applyTestConfig, startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
const LIMIT = 20;
let upstream: TestUpstream;
let gateway: RunningGateway;
let key: string;
let offsetMs = 0;

beforeAll(async () => {
  upstream = await startTestUpstream();
  ({ key } = await applyTestConfig(t.db, upstream.url));
  gateway = await startTestGateway(
    t.url,
    { GATEWAY_TRUSTED_PROXIES: ['127.0.0.1/32'], GATEWAY_AUTH_FAILURE_LIMIT: LIMIT, GATEWAY_AUTH_FAILURE_WINDOW_MS: 60_000 },
    { clock: () => Date.now() + offsetMs },
  );
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

async function call(from: string, credential: Record<string, string>) {
  const response = await fetch(`${gateway.url}/weather/forecast/paris`, { headers: { 'x-forwarded-for': from, ...credential } });
  const body = (await response.json()) as { code?: string };
  return { status: response.status, code: body.code, retryAfter: response.headers.get('retry-after') };
}

const unknownKey = () => ({ 'x-api-key': generateApiKey().key });

describe('failed authentication throttle', () => {
  it('answers 429 with Retry-After after N failures, before any lookup, for that address only, until its window ends', async () => {
    for (let i = 0; i < LIMIT; i++) expect(await call('203.0.113.7', i % 2 === 0 ? unknownKey() : { 'x-api-key': 'tg_live_nope' })).toMatchObject({ status: 401 });
    const throttled = await call('203.0.113.7', unknownKey());
    expect(throttled).toMatchObject({ status: 429, code: 'too_many_failed_attempts' });
    expect(Number(throttled.retryAfter)).toBeGreaterThan(0);
    expect(Number(throttled.retryAfter)).toBeLessThanOrEqual(60);

    // Refused before the key is looked up: a valid key from that address is refused too.
    const before = upstream.received.length;
    expect(await call('203.0.113.7', { 'x-api-key': key })).toMatchObject({ status: 429, code: 'too_many_failed_attempts' });
    expect(upstream.received.length).toBe(before);
    // Other addresses are not affected.
    expect(await call('203.0.113.8', { 'x-api-key': key })).toMatchObject({ status: 200 });
    expect(await call('203.0.113.8', unknownKey())).toMatchObject({ status: 401, code: 'invalid_api_key' });

    offsetMs += 60_000;
    expect(await call('203.0.113.7', { 'x-api-key': key })).toMatchObject({ status: 200 });
    expect(await call('203.0.113.7', unknownKey())).toMatchObject({ status: 401, code: 'invalid_api_key' });
  });

  it('does not count requests that present no credential', async () => {
    for (let i = 0; i < LIMIT + 10; i++) expect(await call('203.0.113.9', {})).toMatchObject({ status: 401, code: 'missing_credentials' });
    expect(await call('203.0.113.9', { 'x-api-key': key })).toMatchObject({ status: 200 });
  });
});
