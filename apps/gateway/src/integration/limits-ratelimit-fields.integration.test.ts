// The RateLimit fields as a client library reads them: each answer parsed with a Structured
// Fields parser (structured-headers, RFC 9651), for every GATEWAY_RATELIMIT_HEADERS value.
import { testRedisUrl, useTestDatabase } from '@tollgate/db/testing';
import { parseList, type List } from 'structured-headers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayEnv } from '../env';
import type { RunningGateway } from '../start-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';
import { applyLimitConfig, call, startGateways } from './limits-fixture';

const t = useTestDatabase();
let upstream: TestUpstream;
let keys: Record<string, string>;
let running: RunningGateway[] = [];

// 42 s into the minute; the subscriptions' monthly periods start on the 1st at midnight UTC.
const NOW = Date.parse('2026-03-10T12:00:42Z');
const TO_NEXT_MINUTE = 18;
const TO_APRIL = (Date.parse('2026-04-01T00:00:00Z') - NOW) / 1000;

beforeAll(async () => {
  upstream = await startTestUpstream();
  keys = await applyLimitConfig(t.db, upstream.url, [
    { slug: 'metered', rateLimit: { requests: 100, per: 'minute' }, quota: { requests: 10_000, per: 'month' } },
    { slug: 'tight', rateLimit: { requests: 2, per: 'minute' }, quota: { requests: 10_000, per: 'month' } },
    { slug: 'overage', rateLimit: { requests: 100, per: 'minute' }, quota: { requests: 1, per: 'month' }, hardStop: false },
  ]);
  await t.db.subscription.updateMany({ data: { billingAnchor: new Date('2026-01-01T00:00:00Z'), timeZone: 'UTC' } });
});

afterEach(async () => {
  await Promise.all(running.map((gateway) => gateway.close()));
  running = [];
});

afterAll(async () => {
  await upstream?.close();
});

async function gateway(headers?: GatewayEnv['GATEWAY_RATELIMIT_HEADERS']): Promise<RunningGateway> {
  running = await startGateways(1, t.url, { REDIS_URL: testRedisUrl(), ...(headers ? { GATEWAY_RATELIMIT_HEADERS: headers } : {}) }, { clock: () => NOW });
  return running[0]!;
}

/** Each list member as `{ name, ...parameters }`; the name must be an sf-string, as the draft's examples are. */
function members(value: string | null): Record<string, unknown>[] {
  expect(value).not.toBeNull();
  const list: List = parseList(value!);
  return list.map(([name, parameters]) => {
    expect(typeof name).toBe('string');
    return { name, ...Object.fromEntries(parameters as Map<string, unknown>) };
  });
}

const POLICY = [
  { name: 'minute', q: 100, w: 60 },
  { name: 'month', q: 10_000, w: 2_592_000 },
];

describe('RateLimit fields (GATEWAY_RATELIMIT_HEADERS)', { timeout: 90_000 }, () => {
  it('both (the default): the current draft\'s named policies beside the draft-6 triple', async () => {
    const gw = await gateway();
    const first = await call(gw, keys.metered!);
    expect(first.status).toBe(200);
    expect(members(first.headers.get('ratelimit-policy'))).toEqual(POLICY);
    expect(members(first.headers.get('ratelimit'))).toEqual([
      { name: 'minute', r: 99, t: TO_NEXT_MINUTE },
      { name: 'month', r: 9_999, t: TO_APRIL },
    ]);
    expect([first.headers.get('ratelimit-limit'), first.headers.get('ratelimit-remaining'), first.headers.get('ratelimit-reset')]).toEqual(['100', '99', String(TO_NEXT_MINUTE)]);
    const costly = await call(gw, keys.metered!, '/limited/costly');
    expect(members(costly.headers.get('ratelimit'))).toEqual([
      { name: 'minute', r: 98, t: TO_NEXT_MINUTE },
      { name: 'month', r: 9_994, t: TO_APRIL },
    ]);
    expect(costly.headers.get('ratelimit-remaining')).toBe('98');
  });

  it('draft: only RateLimit-Policy and RateLimit', async () => {
    const answer = await call(await gateway('draft'), keys.metered!);
    expect(answer.status).toBe(200);
    expect(members(answer.headers.get('ratelimit-policy'))).toEqual(POLICY);
    expect(members(answer.headers.get('ratelimit'))).toEqual([
      { name: 'minute', r: 99, t: TO_NEXT_MINUTE },
      { name: 'month', r: 9_999, t: TO_APRIL },
    ]);
    for (const legacy of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']) expect(answer.headers.get(legacy)).toBeNull();
  });

  it('legacy: draft 6 as before, and no RateLimit field', async () => {
    const answer = await call(await gateway('legacy'), keys.metered!);
    expect(answer.status).toBe(200);
    expect([answer.headers.get('ratelimit-limit'), answer.headers.get('ratelimit-remaining'), answer.headers.get('ratelimit-reset')]).toEqual(['100', '99', String(TO_NEXT_MINUTE)]);
    expect(answer.headers.get('ratelimit-policy')).toBe('100;w=60, 10000;w=2592000');
    // Draft 6's policy: a List of bare Integers (the quota), each with its window.
    const policy = parseList(answer.headers.get('ratelimit-policy')!).map(([quota, parameters]) => ({ quota, w: parameters.get('w') }));
    expect(policy).toEqual([
      { quota: 100, w: 60 },
      { quota: 10_000, w: 2_592_000 },
    ]);
    expect(answer.headers.get('ratelimit')).toBeNull();
  });

  it('a refusal names the policy that refused, with Retry-After at the same instant', async () => {
    const gw = await gateway('both');
    expect((await call(gw, keys.tight!)).status).toBe(200);
    expect((await call(gw, keys.tight!)).status).toBe(200);
    const refused = await call(gw, keys.tight!);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'rate_limited', limit: 2 });
    expect(members(refused.headers.get('ratelimit'))).toEqual([{ name: 'minute', r: 0, t: TO_NEXT_MINUTE }]);
    expect(Number(refused.headers.get('retry-after'))).toBe(TO_NEXT_MINUTE);
    expect(members(refused.headers.get('ratelimit-policy'))).toEqual([
      { name: 'minute', q: 2, w: 60 },
      { name: 'month', q: 10_000, w: 2_592_000 },
    ]);
    expect([refused.headers.get('ratelimit-limit'), refused.headers.get('ratelimit-remaining')]).toEqual(['2', '0']);
  });

  it('a plan without a hard stop, past its quota: admitted, the month reported spent beside the minute', async () => {
    const gw = await gateway('both');
    expect((await call(gw, keys.overage!)).status).toBe(200);
    const over = await call(gw, keys.overage!);
    expect(over.status).toBe(200);
    expect(members(over.headers.get('ratelimit'))).toEqual([
      { name: 'minute', r: 98, t: TO_NEXT_MINUTE },
      { name: 'month', r: 0, t: TO_APRIL },
    ]);
    expect([over.headers.get('ratelimit-limit'), over.headers.get('ratelimit-remaining'), over.headers.get('ratelimit-reset')]).toEqual(['1', '0', String(TO_APRIL)]);
  });
});
