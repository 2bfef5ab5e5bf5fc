import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@tollgate/db/testing';
import { manualClock } from '@tollgate/domain';
import { startBillingScheduler, type BillingScheduler } from './billing-scheduler';
import { readWorkerEnv } from './env';

const t = useTestDatabase();
let scheduler: BillingScheduler | undefined;
afterAll(async () => {
  await scheduler?.stop();
});

describe('billing scheduler', () => {
  it('a tick closes ended periods and keeps the open one live', async () => {
    const team = await t.db.team.create({ data: { slug: 'acme', name: 'Acme' } });
    const app = await t.db.app.create({ data: { slug: 'acme-app', name: 'Acme App', teamId: team.id } });
    const api = await t.db.api.create({ data: { slug: 'weather', name: 'Weather', basePath: '/weather' } });
    const plan = await t.db.plan.create({ data: { slug: 'pro', name: 'Pro', monthlyPriceCents: 100 } });
    const subscription = await t.db.subscription.create({ data: { appId: app.id, apiId: api.id, planId: plan.id, billingAnchor: new Date('2026-01-01T00:00:00Z') } });
    await t.db.usageRollup.create({
      data: { minute: new Date('2026-03-02T10:00:00Z'), apiId: api.id, routeKey: 'GET /x', appId: app.id, subscriptionId: subscription.id, statusClass: 2, count: 3n, units: 3n },
    });
    const env = readWorkerEnv({ DATABASE_URL: t.url, BILLING_TICK_MS: '3600000', WEBHOOK_POLL_MS: '3600000' });
    const clock = manualClock('2026-03-02T10:30:00Z');
    scheduler = startBillingScheduler(t.db, env, pino({ level: 'silent' }), clock);
    await scheduler.tick();
    const statements = await t.db.billingStatement.findMany({ orderBy: { periodStart: 'asc' } });
    expect(statements.map((row) => [row.status, row.periodStart.toISOString().slice(0, 10), row.usedUnits])).toEqual([
      ['closed', '2026-01-01', 0n],
      ['closed', '2026-02-01', 0n],
      ['open', '2026-03-01', 3n],
    ]);
  });

  it('rejects a bad configuration with the variable named', () => {
    expect(() => readWorkerEnv({ DATABASE_URL: t.url, WEBHOOK_MAX_ATTEMPTS: '0' })).toThrow(/WEBHOOK_MAX_ATTEMPTS/);
    expect(readWorkerEnv({ DATABASE_URL: t.url, TOLLGATE_ALLOW_INSECURE_WEBHOOKS: '1' }).TOLLGATE_ALLOW_INSECURE_WEBHOOKS).toBe(true);
    expect(readWorkerEnv({ DATABASE_URL: t.url }).TOLLGATE_ALLOW_INSECURE_WEBHOOKS).toBe(false);
  });
});
