import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { flushUsageEvents } from '../../../../test/support/flush-usage-events';
import { readAlertMetric } from './read-alert-metric';

const t = useTestDatabase();
const MINUTE = 60_000;

describe('readAlertMetric', () => {
  it('reads the error rate and p95 of a window from the rollups and a subscription quota use from its meter', async () => {
    const team = await t.db.team.create({ data: { slug: 'acme', name: 'Acme' } });
    const app = await t.db.app.create({ data: { slug: 'acme-app', name: 'Acme App', teamId: team.id } });
    const api = await t.db.api.create({ data: { slug: 'weather', name: 'Weather', basePath: '/weather' } });
    const plan = await t.db.plan.create({ data: { slug: 'small', name: 'Small', quotaRequests: 20, quotaPer: 'month' } });
    const subscription = await t.db.subscription.create({ data: { appId: app.id, apiId: api.id, planId: plan.id, billingAnchor: new Date(Date.now() - 86_400_000) } });
    const now = new Date();
    const minute = Math.floor(now.getTime() / MINUTE) * MINUTE;
    const call = { apiId: api.id, appId: app.id, subscriptionId: subscription.id, routeKey: 'GET /forecast/{city}', units: 1 };
    // 20 calls this minute: 18 fast (≤ 50 ms), 2 slow (≤ 1000 ms) and 1 of them a 502; 10 calls an hour ago, outside any short window.
    await flushUsageEvents(t.url, [
      ...Array.from({ length: 18 }, (_, i) => ({ ...call, time: new Date(minute + i).toISOString(), status: 200, latencyMs: 40 })),
      { ...call, time: new Date(minute + 20).toISOString(), status: 200, latencyMs: 900 },
      { ...call, time: new Date(minute + 21).toISOString(), status: 502, latencyMs: 900 },
      ...Array.from({ length: 10 }, (_, i) => ({ ...call, time: new Date(minute - 60 * MINUTE + i).toISOString(), status: 500, latencyMs: 5 })),
    ]);
    const rule = { apiId: api.id, subscriptionId: null, windowMinutes: 5 };
    expect(await readAlertMetric(t.db, { ...rule, metric: 'error_rate' }, now)).toBe(5);
    // rank ceil(0.95 * 20) = 19 lands in the 1,000 ms bucket
    expect(await readAlertMetric(t.db, { ...rule, metric: 'p95_latency' }, now)).toBe(1_000);
    // A two-hour window reaches the failures of an hour ago: 11 of 30.
    expect(await readAlertMetric(t.db, { ...rule, metric: 'error_rate', windowMinutes: 120 }, now)).toBeCloseTo((11 / 30) * 100, 6);
    // Another API has no calls: nothing to judge.
    const other = await t.db.api.create({ data: { slug: 'maps', name: 'Maps', basePath: '/maps' } });
    expect(await readAlertMetric(t.db, { ...rule, apiId: other.id, metric: 'error_rate' }, now)).toBeNull();
    // 30 units of a quota of 20 in this period (the 502 carries its unit as written here).
    expect(await readAlertMetric(t.db, { metric: 'quota_used', apiId: null, subscriptionId: subscription.id, windowMinutes: 5 }, now)).toBe(150);
    await t.db.subscription.update({ where: { id: subscription.id }, data: { quotaOverride: 60 } });
    expect(await readAlertMetric(t.db, { metric: 'quota_used', apiId: null, subscriptionId: subscription.id, windowMinutes: 5 }, now)).toBe(50);
  });
});
