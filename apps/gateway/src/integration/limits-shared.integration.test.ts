import { testRedisUrl, useTestDatabase } from '@tollgate/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';
import { applyLimitConfig, burst, call, count, startGateways } from './limits-fixture';

const t = useTestDatabase();
let upstream: TestUpstream;
let keys: Record<string, string>;
let running: RunningGateway[] = [];

beforeAll(async () => {
  upstream = await startTestUpstream();
  keys = await applyLimitConfig(t.db, upstream.url, [
    { slug: 'ten', rateLimit: { requests: 10, per: 'hour' } },
    { slug: 'hundred', rateLimit: { requests: 100, per: 'hour' } },
    { slug: 'bursty', rateLimit: { requests: 50, per: 'hour', burst: 5 } },
    { slug: 'quota', quota: { requests: 12, per: 'month' } },
    { slug: 'overage', quota: { requests: 3, per: 'month' }, hardStop: false },
  ]);
});

afterEach(async () => {
  await Promise.all(running.map((gateway) => gateway.close()));
  running = [];
});

afterAll(async () => {
  await upstream?.close();
});

async function gateways(n: number): Promise<RunningGateway[]> {
  running = await startGateways(n, t.url, { REDIS_URL: testRedisUrl() });
  return running;
}

describe('rate limits shared through Redis', { timeout: 90_000 }, () => {
  it('admits exactly N of a concurrent burst spread over 2 gateways', async () => {
    const statuses = await burst(await gateways(2), keys.ten!, 40);
    expect(count(statuses, 200)).toBe(10);
    expect(count(statuses, 429)).toBe(30);
  });

  it('admits exactly N of a concurrent burst spread over 4 gateways', async () => {
    const statuses = await burst(await gateways(4), keys.hundred!, 240);
    expect(count(statuses, 200)).toBe(100);
    expect(count(statuses, 429)).toBe(140);
  });

  it('counts down RateLimit headers and answers 429 rate_limited naming the plan and limit', async () => {
    const [gateway] = await gateways(1);
    for (let i = 9; i >= 0; i--) {
      const answer = await call(gateway!, keys.ten!);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBe('10');
      expect(answer.headers.get('ratelimit-remaining')).toBe(String(i));
      expect(answer.headers.get('ratelimit-policy')).toBe('"hour";q=10;w=3600');
      const reset = Number(answer.headers.get('ratelimit-reset'));
      expect(reset).toBeGreaterThan(0);
      expect(reset).toBeLessThanOrEqual(3600);
    }
    const refused = await call(gateway!, keys.ten!);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'rate_limited', status: 429, plan: 'ten', limit: 10, window: 3600 });
    expect(Number(refused.headers.get('retry-after'))).toBe(Number(refused.headers.get('ratelimit-reset')));
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-limit')).toBe('10');
  });

  it('caps a plan at its burst per second, across gateways', async () => {
    // The gateways' clock stands still, so every request falls in the same second.
    const now = Date.now();
    running = await startGateways(2, t.url, { REDIS_URL: testRedisUrl() }, { clock: () => now });
    const statuses = await burst(running, keys.bursty!, 20);
    expect(count(statuses, 200)).toBe(5);
    const refused = await call(running[0]!, keys.bursty!);
    expect(refused.body).toMatchObject({ code: 'rate_limited', limit: 5, window: 1 });
    expect(refused.headers.get('ratelimit-policy')).toBe('"hour";q=50;w=3600, "burst";q=5;w=1');
  });

  it('counts the route weight against the quota and answers quota_exceeded with the reset time', async () => {
    const [gateway] = await gateways(1);
    const costly = await call(gateway!, keys.quota!, '/limited/costly');
    expect(costly.status).toBe(200);
    expect(costly.headers.get('ratelimit-remaining')).toBe('7');
    expect((await call(gateway!, keys.quota!, '/limited/costly')).status).toBe(200);
    const refused = await call(gateway!, keys.quota!, '/limited/costly');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'quota_exceeded', plan: 'quota', limit: 12 });
    expect(refused.body.type).not.toBe((await callRateLimited()).type);
    expect(Date.parse(String(refused.body.resetAt))).toBeGreaterThan(Date.now());
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Two units are left: a weight-1 call still fits.
    expect((await call(gateway!, keys.quota!, '/limited/cheap')).status).toBe(200);
  });

  it('lets a plan without a hard stop run over its quota, reporting it spent', async () => {
    const statuses = await burst(await gateways(2), keys.overage!, 8);
    expect(count(statuses, 200)).toBe(8);
    const [gateway] = running;
    const answer = await call(gateway!, keys.overage!);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('ratelimit-remaining')).toBe('0');
  });
});

async function callRateLimited(): Promise<Record<string, unknown>> {
  const [gateway] = running;
  for (;;) {
    const answer = await call(gateway!, keys.ten!);
    if (answer.status === 429) return answer.body;
  }
}
