import { describe, expect, it } from 'vitest';
import { manualClock } from '@tollgate/domain';
import { useTestDatabase } from '../testing';
import type { Db } from '../client/create-db';
import { closeDueStatements } from './close-due-statements';
import { listStatements } from './list-statements';
import { loadPeriodUsage, loadUsageForPeriods } from './load-period-usage';
import { refreshOpenStatements } from './refresh-open-statements';
import { statementsToCsv, statementsToUsageRows, usageRowsToCsv } from './to-csv';

const t = useTestDatabase();

async function seed(db: Db, options: { anchor: string; timeZone?: string; hardStop?: boolean }) {
  const team = await db.team.create({ data: { slug: 'acme', name: 'Acme' } });
  const app = await db.app.create({ data: { slug: 'acme-app', name: 'Acme App', teamId: team.id } });
  const api = await db.api.create({ data: { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published' } });
  const plan = await db.plan.create({
    data: { slug: 'pro', name: 'Pro', monthlyPriceCents: 4900, includedUnits: 1000, overagePer1000Cents: 250, hardStop: options.hardStop ?? false },
  });
  const subscription = await db.subscription.create({
    data: { appId: app.id, apiId: api.id, planId: plan.id, billingAnchor: new Date(options.anchor), timeZone: options.timeZone ?? 'UTC' },
  });
  const record = async (minute: string, routeKey: string, weight: number, count: number) => {
    const key = { minute: new Date(minute), apiId: api.id, routeKey, appId: app.id, keyId: '', planId: plan.id, subscriptionId: subscription.id, statusClass: 2, outcome: 'success', upstreamVersion: '' };
    await db.usageRollup.upsert({
      where: { minute_apiId_routeKey_appId_keyId_planId_subscriptionId_statusClass_outcome_upstreamVersion: key },
      create: { ...key, count: BigInt(count), units: BigInt(count * weight) },
      update: { count: { increment: BigInt(count) }, units: { increment: BigInt(count * weight) } },
    });
  };
  return { subscription, record };
}

describe('statements from rollups', () => {
  it('the open statement follows the rollups live; the closed one never changes; periods split at the boundary', async () => {
    const { subscription, record } = await seed(t.db, { anchor: '2026-01-31T00:00:00Z' });
    const clock = manualClock('2026-02-10T12:00:00Z');

    // Period 0 is Jan 31 .. Feb 28 (a Jan 31 anchor). Usage on both sides of the boundary.
    await record('2026-02-10T11:00:00Z', 'GET /forecast/{city}', 1, 600);
    await record('2026-02-10T11:01:00Z', 'POST /bulk', 5, 100);
    expect(await refreshOpenStatements(t.db, clock.now())).toEqual({ refreshed: 1 });
    let [open] = await listStatements(t.db);
    expect(open).toMatchObject({ status: 'open', periodStart: '2026-01-31T00:00:00.000Z', periodEnd: '2026-02-28T00:00:00.000Z', usedUnits: '1100', overageUnits: '100', overageCents: '25', totalCents: '4925' });

    // more traffic: the estimate moves
    await record('2026-02-10T11:01:00Z', 'POST /bulk', 5, 20);
    await record('2026-02-27T23:59:00Z', 'GET /forecast/{city}', 1, 400); // last minute of the period
    await record('2026-02-28T00:00:00Z', 'GET /forecast/{city}', 1, 7); // first minute of the next one
    clock.set('2026-02-27T23:59:30Z');
    await refreshOpenStatements(t.db, clock.now());
    [open] = await listStatements(t.db);
    expect(open).toMatchObject({ status: 'open', usedUnits: '1600', overageUnits: '600', overageCents: '150', totalCents: '5050' });
    expect(open!.lineItems).toEqual([
      { apiId: expect.any(String), apiSlug: 'weather', routeKey: 'GET /forecast/{city}', weight: 1, requests: '1000', units: '1000', overageCents: '94' },
      { apiId: expect.any(String), apiSlug: 'weather', routeKey: 'POST /bulk', weight: 5, requests: '120', units: '600', overageCents: '56' },
    ]);

    // before the grace has passed nothing closes
    clock.set('2026-02-28T00:01:00Z');
    expect((await closeDueStatements(t.db, clock.now(), { graceMs: 5 * 60_000 })).closed).toHaveLength(0);
    clock.set('2026-02-28T00:06:00Z');
    const { closed } = await closeDueStatements(t.db, clock.now(), { graceMs: 5 * 60_000 });
    expect(closed).toHaveLength(1);
    await refreshOpenStatements(t.db, clock.now());
    const statements = await listStatements(t.db);
    expect(statements.map((statement) => [statement.status, statement.periodStart.slice(0, 10), statement.usedUnits])).toEqual([
      ['open', '2026-02-28', '7'],
      ['closed', '2026-01-31', '1600'],
    ]);
    const closedBefore = statements[1]!;

    // late usage for the closed period, a second close run and a refresh: the closed statement stays as it was
    await record('2026-02-20T10:00:00Z', 'GET /forecast/{city}', 1, 999);
    expect((await closeDueStatements(t.db, clock.now(), { graceMs: 0 })).closed).toHaveLength(0);
    await refreshOpenStatements(t.db, clock.now());
    // a worker whose clock lags still inside the closed period: its refresh changes nothing
    await refreshOpenStatements(t.db, new Date('2026-02-27T23:59:59Z'));
    const closedAfter = (await listStatements(t.db, { status: 'closed' }))[0];
    expect(closedAfter).toEqual(closedBefore);

    // even a direct update of a closed statement is refused by the database
    await expect(t.db.billingStatement.update({ where: { id: closedBefore.id }, data: { totalCents: 1n } })).rejects.toThrow(/closed/);
    await expect(t.db.billingStatement.delete({ where: { id: closedBefore.id } })).rejects.toThrow(/closed/);
    expect(subscription.id).toBe(closedBefore.subscriptionId);
    // the batched loader the refresh uses agrees with the single one, and keeps subscriptions apart
    const periods = [
      { subscriptionId: subscription.id, start: new Date('2026-01-31T00:00:00Z'), end: new Date('2026-02-28T00:00:00Z') },
      { subscriptionId: '00000000-0000-0000-0000-000000000000', start: new Date('2026-01-31T00:00:00Z'), end: new Date('2026-02-28T00:00:00Z') },
    ];
    const batched = await loadUsageForPeriods(t.db, periods);
    expect(batched.get(subscription.id)).toEqual(await loadPeriodUsage(t.db, subscription.id, periods[0]!.start, periods[0]!.end));
    expect(batched.get(subscription.id)!.reduce((sum, line) => sum + line.units, 0n)).toBe(1600n + 999n);
    expect(batched.get(periods[1]!.subscriptionId)).toEqual([]);
    // deleting the subscription itself still takes its statements with it
    await t.db.subscription.delete({ where: { id: subscription.id } });
    expect(await t.db.billingStatement.count()).toBe(0);
  });

  it('closes every ended period after a long pause, oldest first, one statement each', async () => {
    await t.db.team.deleteMany();
    await t.db.api.deleteMany();
    await t.db.plan.deleteMany();
    const { record } = await seed(t.db, { anchor: '2025-09-30T22:00:00Z', timeZone: 'Europe/Berlin', hardStop: true });
    await record('2025-11-15T00:00:00Z', 'GET /forecast/{city}', 1, 5000);
    const { closed } = await closeDueStatements(t.db, new Date('2026-01-10T00:00:00Z'), { graceMs: 0 });
    expect(closed).toHaveLength(3); // Oct, Nov, Dec
    const statements = await listStatements(t.db, { period: '2025-11' });
    expect(statements).toHaveLength(1);
    // hard stop: usage above the included units is not charged
    expect(statements[0]).toMatchObject({ usedUnits: '5000', overageUnits: '0', totalCents: '4900', periodStart: '2025-10-31T23:00:00.000Z' });
    // running again closes nothing new
    expect((await closeDueStatements(t.db, new Date('2026-01-10T00:00:00Z'), { graceMs: 0 })).closed).toHaveLength(0);

    const csv = statementsToCsv(await listStatements(t.db));
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('id,status,team,app,api,plan,periodStart,periodEnd,currency,includedUnits,usedUnits,overageUnits,baseCents,overageCents,totalCents,computedAt,closedAt');
    const usage = usageRowsToCsv(statementsToUsageRows(statements));
    expect(usage).toContain(',weather,GET /forecast/{city},1,2025-10-31T23:00:00.000Z,2025-11-30T23:00:00.000Z,5000,5000,0');
  });
});
