import { randomUUID } from 'node:crypto';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, refreshOpenStatements, rollUpLevels } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { emptyOutcomeCounts, LATENCY_BUCKET_BOUNDS_MS, USAGE_OUTCOMES, type OutcomeCounts } from '@tollgate/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { flushUsageEvents, type UsageEventInput } from '../../../../test/support/flush-usage-events';
import { getTeamStatement, listBillingEstimates, listTeamStatements } from '../billing';
import { developerPrincipal, type Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { getUsage, listQuotaMeters, pickRollupLevel, usageReportToCsv } from './index';

const t = useTestDatabase();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface World {
  alice: Principal;
  bob: Principal;
  ids: Record<string, string>;
  /** Every event flushed, with the app slug it belongs to. */
  events: Array<UsageEventInput & { app: string }>;
}
let world: World;

beforeAll(async () => {
  await applyConfig(
    t.db,
    ZConfigFile.parse({
      apis: [{ slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] } }],
      plans: [
        { slug: 'metered', name: 'Metered', apis: ['weather'], quota: { requests: 100, per: 'month' }, price: { monthlyCents: 1000, includedUnits: 5, overagePer1000Cents: 2000 }, hardStop: false },
      ],
      teams: [
        { slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'metered' }] }] },
        { slug: 'globex', name: 'Globex', apps: [{ slug: 'globex-app', name: 'Globex App', subscriptions: [{ api: 'weather', plan: 'metered' }] }] },
      ],
    }),
    { baseDir: process.cwd() },
  );
  const ids: Record<string, string> = {};
  ids.api = (await t.db.api.findUniqueOrThrow({ where: { slug: 'weather' } })).id;
  ids.plan = (await t.db.plan.findUniqueOrThrow({ where: { slug: 'metered' } })).id;
  // Periods anchored at 2026-01-01 00:00 UTC: each calendar month of UTC.
  await t.db.subscription.updateMany({ data: { billingAnchor: new Date('2026-01-01T00:00:00Z'), timeZone: 'UTC' } });
  const users: Record<string, Principal> = {};
  for (const [team, name] of [['acme', 'alice'], ['globex', 'bob']] as const) {
    const app = await t.db.app.findUniqueOrThrow({ where: { slug: `${team}-app` }, include: { subscriptions: true } });
    ids[`${team}-app`] = app.id;
    ids[`${team}-sub`] = app.subscriptions[0]!.id;
    ids[`${team}-key`] = (await t.db.apiKey.create({ data: { appId: app.id, name: 'ci', prefix: `tg_test_${name}`, hash: randomUUID() } })).id;
    const user = await t.db.user.create({ data: { email: `${name}@example.test`, name, passwordHash: 'x' } });
    await t.db.teamMember.create({ data: { teamId: app.teamId, userId: user.id, role: 'owner' } });
    users[name] = developerPrincipal(user);
  }
  const now = Date.now();
  const at = (msAgo: number) => new Date(now - msAgo).toISOString();
  const call = (app: 'acme' | 'globex', msAgo: number, status: number, latencyMs: number, routeKey = 'GET /forecast/{city}', units = status < 500 && status !== 429 ? 1 : 0) => ({
    app: `${app}-app`,
    time: at(msAgo),
    apiId: ids.api!,
    routeKey,
    appId: ids[`${app}-app`]!,
    keyId: ids[`${app}-key`]!,
    subscriptionId: ids[`${app}-sub`]!,
    planId: ids.plan!,
    status,
    latencyMs,
    units,
  });
  const events = [
    call('acme', 2 * MINUTE, 200, 3),
    call('acme', 2 * MINUTE, 200, 8),
    call('acme', 2 * MINUTE, 404, 40),
    { ...call('acme', 2 * MINUTE, 429, 0.5), outcome: 'rateLimited' as const },
    { ...call('acme', 2 * MINUTE, 429, 0.5), outcome: 'overQuota' as const },
    { ...call('acme', 12 * MINUTE, 401, 0.2, 'GET /forecast/{city}', 0), outcome: 'authFailed' as const },
    call('acme', 12 * MINUTE, 201, 120),
    call('acme', 12 * MINUTE, 503, 2_600),
    call('acme', 12 * MINUTE, 200, 9, 'GET /alerts'),
    call('acme', 30 * MINUTE, 200, 30, 'GET /alerts'),
    call('acme', 30 * MINUTE, 500, 700, 'GET /alerts'),
    call('acme', 5 * HOUR, 200, 60, 'GET /alerts', 4),
    // Another team's calls, inside the same minutes.
    call('globex', 2 * MINUTE, 200, 15_000, 'GET /secret', 50),
    call('globex', 12 * MINUTE, 500, 20_000, 'GET /secret'),
  ];
  await flushUsageEvents(t.url, events);
  // The worker's hourly and daily levels, as its rollup loop keeps them.
  await rollUpLevels(t.db);
  world = { alice: users.alice!, bob: users.bob!, ids, events };
});

/** The oracle for a percentile: the q-quantile of the raw latencies, as the bound of the bucket holding it. */
function bucketBoundOfQuantile(latencies: number[], q: number): number | null {
  if (latencies.length === 0) return null;
  const sorted = [...latencies].sort((a, b) => a - b);
  const value = sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
  return LATENCY_BUCKET_BOUNDS_MS.find((bound) => value <= bound) ?? LATENCY_BUCKET_BOUNDS_MS.at(-1)!;
}

const outcomeOf = (event: UsageEventInput) => event.outcome ?? (event.status >= 500 ? 'serverError' : event.status >= 400 ? 'clientError' : 'success');

describe('the rollup level picker', () => {
  it('reads a range from a stored level’s own width when that gives enough buckets, else keeps it within the chart’s buckets', () => {
    expect(pickRollupLevel(HOUR)).toEqual({ source: 'minute', bucketMs: MINUTE });
    expect(pickRollupLevel(15 * MINUTE)).toEqual({ source: 'minute', bucketMs: MINUTE });
    expect(pickRollupLevel(24 * HOUR)).toEqual({ source: 'hour', bucketMs: HOUR });
    expect(pickRollupLevel(7 * 24 * HOUR)).toEqual({ source: 'hour', bucketMs: HOUR });
    expect(pickRollupLevel(30 * 24 * HOUR)).toEqual({ source: 'day', bucketMs: DAY });
    expect(pickRollupLevel(12 * HOUR)).toEqual({ source: 'minute', bucketMs: 5 * MINUTE });
    expect(pickRollupLevel(400 * DAY)).toEqual({ source: 'day', bucketMs: DAY });
  });

  it('honours an asked interval, widening one that is too fine', () => {
    expect(pickRollupLevel(24 * HOUR, MINUTE)).toEqual({ source: 'minute', bucketMs: 15 * MINUTE });
    expect(pickRollupLevel(30 * 24 * HOUR, MINUTE)).toEqual({ source: 'hour', bucketMs: 6 * HOUR });
    expect(pickRollupLevel(24 * HOUR, HOUR)).toEqual({ source: 'hour', bucketMs: HOUR });
    expect(pickRollupLevel(30 * 24 * HOUR, 24 * HOUR)).toEqual({ source: 'day', bucketMs: 24 * HOUR });
    expect(pickRollupLevel(7 * 24 * HOUR, MINUTE)).toEqual({ source: 'hour', bucketMs: HOUR });
    expect(pickRollupLevel(HOUR, 5 * MINUTE)).toEqual({ source: 'minute', bucketMs: 5 * MINUTE });
  });
});

describe('usage from the rollups', () => {
  it('stacks the calls of the last hour by outcome, bucket by bucket, with percentiles from the merged histograms', async () => {
    const report = await runOperation(t.db, world.alice, getUsage, { range: '1h' });
    expect(report.bucketMs).toBe(MINUTE);
    expect(report.series.length).toBeGreaterThanOrEqual(60);
    const from = Date.parse(report.from);
    const mine = world.events.filter((event) => event.app === 'acme-app' && Date.parse(event.time) >= from);
    const expected = new Map<string, OutcomeCounts>();
    for (const event of mine) {
      const start = new Date(Math.floor(Date.parse(event.time) / MINUTE) * MINUTE).toISOString();
      const point = expected.get(start) ?? emptyOutcomeCounts();
      point[outcomeOf(event)] += 1;
      expected.set(start, point);
    }
    const shown = report.series.filter((point) => point.requests > 0).map((point) => [point.start, Object.fromEntries(USAGE_OUTCOMES.map((outcome) => [outcome, point[outcome]]))]);
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
    expect(report.totals.requests).toBe(mine.length);
    expect(report.totals).toMatchObject({ rateLimited: 1, overQuota: 1, authFailed: 1, errors: mine.filter((event) => outcomeOf(event) !== 'success').length });
    expect(report.totals.units).toBe(mine.reduce((sum, event) => sum + event.units, 0));
    const latencies = mine.map((event) => event.latencyMs);
    expect(report.latencyMs).toEqual({ p50: bucketBoundOfQuantile(latencies, 0.5), p95: bucketBoundOfQuantile(latencies, 0.95), p99: bucketBoundOfQuantile(latencies, 0.99) });
    const forecast = mine.filter((event) => event.routeKey === 'GET /forecast/{city}');
    expect(report.topEndpoints[0]).toMatchObject({
      api: 'weather',
      route: 'GET /forecast/{city}',
      requests: forecast.length,
      errors: forecast.filter((event) => event.status >= 400).length,
      latencyMs: { p95: bucketBoundOfQuantile(forecast.map((event) => event.latencyMs), 0.95) },
    });
  });

  it('sums 15-minute buckets over a day without losing a call, and empty buckets are zeros', async () => {
    const report = await runOperation(t.db, world.alice, getUsage, { range: '24h', intervalMs: 15 * MINUTE });
    expect(report.bucketMs).toBe(15 * MINUTE);
    const mine = world.events.filter((event) => event.app === 'acme-app');
    expect(report.series.reduce((sum, point) => sum + point.requests, 0)).toBe(mine.length);
    expect(report.series.every((point, i) => i === 0 || Date.parse(point.start) - Date.parse(report.series[i - 1]!.start) === 15 * MINUTE)).toBe(true);
    const csv = usageReportToCsv(report).trim().split('\r\n');
    expect(csv[0]).toBe('start,success,clientError,serverError,rateLimited,overQuota,authFailed,requests,units');
    expect(csv.slice(1).map((line) => Number(line.split(',')[7])).reduce((a, b) => a + b, 0)).toBe(mine.length);
  });

  it('shows a call flushed this very minute (the range ends with the current minute)', async () => {
    const before = (await runOperation(t.db, world.alice, getUsage, { range: '1h' })).totals.requests;
    const now = new Date().toISOString();
    await flushUsageEvents(t.url, [{ time: now, apiId: world.ids.api!, routeKey: 'GET /now', appId: world.ids['acme-app']!, status: 200, latencyMs: 1, units: 0 }]);
    const report = await runOperation(t.db, world.alice, getUsage, { range: '1h' });
    expect(report.totals.requests).toBe(before + 1);
    const minute = new Date(Math.floor(Date.parse(now) / MINUTE) * MINUTE).toISOString();
    expect(report.series.find((point) => point.start === minute)?.success).toBeGreaterThanOrEqual(1);
    await t.db.usageRollup.deleteMany({ where: { routeKey: 'GET /now' } });
  });

  it('gives the same answer from the hourly and daily levels as from the minutes', async () => {
    const fromMinutes = await runOperation(t.db, world.alice, getUsage, { range: '24h' });
    for (const intervalMs of [HOUR, 24 * HOUR]) {
      const fromLevel = await runOperation(t.db, world.alice, getUsage, { range: '24h', intervalMs });
      expect(fromLevel.totals).toEqual(fromMinutes.totals);
      expect(fromLevel.latencyMs).toEqual(fromMinutes.latencyMs);
      expect(fromLevel.topEndpoints).toEqual(fromMinutes.topEndpoints);
    }
  });

  it('narrows to one key of the caller’s apps', async () => {
    const report = await runOperation(t.db, world.alice, getUsage, { range: '24h', key: world.ids['acme-key'] });
    expect(report.totals.requests).toBe(world.events.filter((event) => event.keyId === world.ids['acme-key']).length);
  });

  it('meters the quota of the current period: used, left and when it resets', async () => {
    const [meter] = await runOperation(t.db, world.alice, listQuotaMeters, {});
    const now = new Date();
    const periodStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const resetsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
    const used = world.events.filter((event) => event.app === 'acme-app' && Date.parse(event.time) >= periodStart).reduce((sum, event) => sum + event.units, 0);
    expect(meter).toEqual({
      subscriptionId: world.ids['acme-sub'],
      app: 'acme-app',
      api: 'weather',
      plan: 'metered',
      limit: 100,
      per: 'month',
      used,
      left: 100 - used,
      countingSince: new Date(periodStart).toISOString(),
      resetsAt,
    });
  });

  it('estimates the running period with the statement maths: base, overage above the included units', async () => {
    const [estimate] = await runOperation(t.db, world.alice, listBillingEstimates, {});
    const now = new Date();
    const periodStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const used = world.events.filter((event) => event.app === 'acme-app' && Date.parse(event.time) >= periodStart).reduce((sum, event) => sum + event.units, 0);
    const overageUnits = Math.max(0, used - 5);
    const overageCents = Math.floor((overageUnits * 2000 * 2 + 1000) / 2000);
    expect(estimate).toMatchObject({ app: 'acme-app', usedUnits: String(used), overageUnits: String(overageUnits), baseCents: '1000', overageCents: String(overageCents), totalCents: String(1000 + overageCents) });
  });
});

describe('isolation between teams', () => {
  it('answers not_found for another team’s app, key and statement, and never counts its calls', async () => {
    await expect(runOperation(t.db, world.alice, getUsage, { app: 'globex-app' })).rejects.toMatchObject({ code: 'not_found', status: 404 });
    await expect(runOperation(t.db, world.alice, getUsage, { key: world.ids['globex-key'] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runOperation(t.db, world.alice, listQuotaMeters, { app: 'globex-app' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runOperation(t.db, world.alice, getUsage, { app: 'no-such-app' })).rejects.toMatchObject({ code: 'not_found' });

    await refreshOpenStatements(t.db, new Date());
    const closed = await t.db.billingStatement.create({
      data: { subscriptionId: world.ids['globex-sub']!, periodStart: new Date('2026-02-01T00:00:00Z'), periodEnd: new Date('2026-03-01T00:00:00Z'), status: 'closed', closedAt: new Date(), totalCents: 777n },
    });
    await expect(runOperation(t.db, world.alice, getTeamStatement, { id: closed.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await runOperation(t.db, world.bob, getTeamStatement, { id: closed.id })).toMatchObject({ id: closed.id, app: 'globex-app', totalCents: '777' });

    const everything = JSON.stringify([
      await runOperation(t.db, world.alice, getUsage, { range: '30d' }),
      await runOperation(t.db, world.alice, listQuotaMeters, {}),
      await runOperation(t.db, world.alice, listBillingEstimates, {}),
      await runOperation(t.db, world.alice, listTeamStatements, {}),
    ]);
    for (const secret of ['globex', 'GET /secret', world.ids['globex-sub']!, world.ids['globex-app']!, closed.id]) expect(everything).not.toContain(secret);
    const statements = await runOperation(t.db, world.alice, listTeamStatements, {});
    expect(statements.map((statement) => statement.app)).toEqual(['acme-app']);
  });

  it('gives a developer with no team nothing at all', async () => {
    const stranger = developerPrincipal({ id: randomUUID(), email: 'stranger@example.test' });
    const report = await runOperation(t.db, stranger, getUsage, { range: '30d' });
    expect(report.totals.requests).toBe(0);
    expect(await runOperation(t.db, stranger, listTeamStatements, {})).toEqual([]);
    expect(await runOperation(t.db, stranger, listBillingEstimates, {})).toEqual([]);
  });
});

describe('rollup levels', () => {
  it('reads the hours the worker rolled up from the hourly level and the newer minutes from the minute rollups', async () => {
    const watermark = (await t.db.rollupWatermark.findUniqueOrThrow({ where: { level: 'hour' } })).upTo;
    const split = new Date(Math.floor(watermark.getTime() / HOUR) * HOUR);
    const before = await runOperation(t.db, world.alice, getUsage, { range: '7d' });
    // Minutes before the split are no longer read at the hourly level: removing them changes nothing there.
    await t.db.usageRollup.deleteMany({ where: { minute: { lt: split } } });
    const after = await runOperation(t.db, world.alice, getUsage, { range: '7d' });
    expect(after.totals).toEqual(before.totals);
    const fromMinutes = await runOperation(t.db, world.alice, getUsage, { range: '1h' });
    const mine = world.events.filter((event) => event.app === 'acme-app' && Date.parse(event.time) >= split.getTime() && Date.parse(event.time) >= Date.parse(fromMinutes.from));
    expect(fromMinutes.totals.requests).toBe(mine.length);
  });

  it('reads the days before the watermark’s day from the daily level, and that day’s hours (not its minutes) from the hourly level', async () => {
    const watermark = (await t.db.rollupWatermark.findUniqueOrThrow({ where: { level: 'hour' } })).upTo;
    const daySplit = new Date(Math.floor(watermark.getTime() / DAY) * DAY);
    const daily = { range: '30d', intervalMs: DAY } as const;
    const before = await runOperation(t.db, world.alice, getUsage, daily);
    expect(before.bucketMs).toBe(DAY);
    // Every call, though the minutes before the watermark's hour are gone (the test above removed them).
    expect(before.totals.requests).toBe(world.events.filter((event) => event.app === 'acme-app').length);
    // Hours before the watermark's day are no longer read by a daily view: removing them changes nothing.
    await t.db.usageRollupHour.deleteMany({ where: { bucket: { lt: daySplit } } });
    expect((await runOperation(t.db, world.alice, getUsage, daily)).totals).toEqual(before.totals);
    // The hours of the watermark's day before its hour are: without them those calls are gone.
    const hourSplit = new Date(Math.floor(watermark.getTime() / HOUR) * HOUR);
    const todaysHours = await t.db.usageRollupHour.deleteMany({ where: { bucket: { gte: daySplit, lt: hourSplit } } });
    const without = await runOperation(t.db, world.alice, getUsage, daily);
    if (todaysHours.count > 0) expect(without.totals.requests).toBeLessThan(before.totals.requests);
  });
});
