import { resetQuota, setQuotaOverride } from '@tollgate/db';
import { testRedisUrl, useTestDatabase } from '@tollgate/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { eventually } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';
import { applyLimitConfig, call, startGateways } from './limits-fixture';

const t = useTestDatabase();
let upstream: TestUpstream;
let keys: Record<string, string>;
let running: RunningGateway[] = [];
let now = 0;
const at = (iso: string) => (now = Date.parse(iso));

beforeAll(async () => {
  upstream = await startTestUpstream();
  keys = await applyLimitConfig(t.db, upstream.url, [
    { slug: 'monthly', quota: { requests: 3, per: 'month' } },
    { slug: 'daily', quota: { requests: 2, per: 'day' } },
    { slug: 'admin', quota: { requests: 2, per: 'month' } },
  ]);
  await anchor('app-monthly', '2026-01-31T09:00:00Z', 'UTC');
  // Midnight in New York (EST, UTC-5).
  await anchor('app-daily', '2026-01-01T05:00:00Z', 'America/New_York');
});

afterEach(async () => {
  await Promise.all(running.map((gateway) => gateway.close()));
  running = [];
});

afterAll(async () => {
  await upstream?.close();
});

async function anchor(appSlug: string, billingAnchor: string, timeZone: string) {
  await t.db.subscription.updateMany({ where: { app: { slug: appSlug } }, data: { billingAnchor: new Date(billingAnchor), timeZone } });
}

async function clockedGateways(n: number): Promise<RunningGateway[]> {
  running = await startGateways(n, t.url, { REDIS_URL: testRedisUrl() }, { clock: () => now });
  return running;
}

describe('quota periods with the gateway clock moved', { timeout: 90_000 }, () => {
  it('counts a monthly quota up to the anchor day (clamped to February 28) and starts afresh after it', async () => {
    at('2026-02-27T12:00:00Z');
    const [a, b] = await clockedGateways(2);
    expect((await call(a!, keys.monthly!)).status).toBe(200);
    expect((await call(b!, keys.monthly!)).status).toBe(200);
    const last = await call(a!, keys.monthly!);
    expect(last.status).toBe(200);
    expect(last.headers.get('ratelimit-remaining')).toBe('0');
    at('2026-02-28T08:59:59Z');
    const refused = await call(b!, keys.monthly!);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'quota_exceeded', resetAt: '2026-02-28T09:00:00.000Z', limit: 3 });
    expect(refused.headers.get('retry-after')).toBe('1');
    at('2026-02-28T09:00:00Z');
    const fresh = await call(b!, keys.monthly!);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('ratelimit-remaining')).toBe('2');
    expect(Number(fresh.headers.get('ratelimit-reset'))).toBe(31 * 86_400); // to 31 March 09:00
  });

  it('counts a daily quota per day in the subscription time zone', async () => {
    at('2026-07-04T03:00:00Z'); // 3 July, 23:00 in New York (EDT)
    const [gateway] = await clockedGateways(1);
    expect((await call(gateway!, keys.daily!)).status).toBe(200);
    expect((await call(gateway!, keys.daily!)).status).toBe(200);
    const refused = await call(gateway!, keys.daily!);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'quota_exceeded', resetAt: '2026-07-04T04:00:00.000Z' });
    at('2026-07-04T04:00:00Z'); // midnight in New York: a new day
    expect((await call(gateway!, keys.daily!)).status).toBe(200);
  });
});

describe('admin quota changes', { timeout: 90_000 }, () => {
  it('a reset and an override apply on every gateway at once', async () => {
    now = Date.now();
    const [a, b] = await clockedGateways(2);
    expect((await call(a!, keys.admin!)).status).toBe(200);
    expect((await call(b!, keys.admin!)).status).toBe(200);
    expect((await call(a!, keys.admin!)).status).toBe(429);

    // Applied as soon as each gateway has the new revision (NOTIFY; bounded generously for a loaded machine).
    const reset = await resetQuota(t.db, { appSlug: 'app-admin', apiSlug: 'limited' });
    for (const gateway of [a!, b!]) await eventually(async () => expect(gateway.revision).toBe(Number(reset.revision)), 10_000);
    expect((await call(a!, keys.admin!)).status).toBe(200);
    expect((await call(b!, keys.admin!)).status).toBe(200);
    expect((await call(a!, keys.admin!)).status).toBe(429);

    const raised = await setQuotaOverride(t.db, { appSlug: 'app-admin', apiSlug: 'limited', requests: 4 });
    expect(raised).toMatchObject({ planQuota: 2, quotaOverride: 4 });
    for (const gateway of [a!, b!]) await eventually(async () => expect(gateway.revision).toBe(Number(raised.revision)), 10_000);
    const statuses = [await call(a!, keys.admin!), await call(b!, keys.admin!), await call(a!, keys.admin!)].map((answer) => answer.status);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await call(b!, keys.admin!);
    expect(refused.body).toMatchObject({ code: 'quota_exceeded', limit: 4 });
  });

  it('refuses an unknown subscription and a negative override', async () => {
    await expect(resetQuota(t.db, { appSlug: 'app-admin', apiSlug: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(setQuotaOverride(t.db, { appSlug: 'app-admin', apiSlug: 'limited', requests: -1 })).rejects.toMatchObject({ code: 'invalid_params' });
  });
});
