import { randomUUID } from 'node:crypto';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, rollUpLevels } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { LATENCY_BUCKET_BOUNDS_MS, USAGE_OUTCOMES, usageOutcome, type UsageOutcome } from '@tollgate/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { flushUsageEvents, type UsageEventInput } from '../../../../test/support/flush-usage-events';
import { CLI_PRINCIPAL, developerPrincipal, type Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { analyticsToCsv, getAnalytics, MAX_BUCKETS } from './index';

const t = useTestDatabase();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Event = UsageEventInput & { app: string; team: string; api: string; plan: string; key: string; outcome: UsageOutcome };
const events: Event[] = [];
let alice: Principal;
const ids: Record<string, string> = {};

beforeAll(async () => {
  await applyConfig(
    t.db,
    ZConfigFile.parse({
      apis: [
        { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] } },
        { slug: 'maps', name: 'Maps', basePath: '/maps', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] } },
      ],
      plans: [
        { slug: 'free', name: 'Free', apis: ['weather', 'maps'] },
        { slug: 'pro', name: 'Pro', apis: ['weather', 'maps'] },
      ],
      teams: [
        { slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'free' }, { api: 'maps', plan: 'free' }] }] },
        { slug: 'globex', name: 'Globex', apps: [{ slug: 'globex-app', name: 'Globex App', subscriptions: [{ api: 'weather', plan: 'pro' }] }] },
      ],
    }),
    { baseDir: process.cwd() },
  );
  for (const slug of ['weather', 'maps']) ids[slug] = (await t.db.api.findUniqueOrThrow({ where: { slug } })).id;
  for (const slug of ['free', 'pro']) ids[slug] = (await t.db.plan.findUniqueOrThrow({ where: { slug } })).id;
  for (const team of ['acme', 'globex']) {
    const app = await t.db.app.findUniqueOrThrow({ where: { slug: `${team}-app` }, include: { subscriptions: true } });
    ids[`${team}-app`] = app.id;
    for (const sub of app.subscriptions) ids[`${team}-${sub.apiId}`] = sub.id;
    ids[`${team}-key`] = (await t.db.apiKey.create({ data: { appId: app.id, name: 'ci', prefix: `tg_test_${team}`, hash: randomUUID() } })).id;
  }
  const user = await t.db.user.create({ data: { email: 'alice@example.test', name: 'Alice', passwordHash: 'x' } });
  await t.db.teamMember.create({ data: { teamId: (await t.db.team.findUniqueOrThrow({ where: { slug: 'acme' } })).id, userId: user.id, role: 'owner' } });
  alice = developerPrincipal(user);

  const now = Date.now();
  const call = (team: 'acme' | 'globex', msAgo: number, status: number, latencyMs: number, extra: { api?: 'weather' | 'maps'; route?: string; outcome?: UsageOutcome; version?: string } = {}): Event => {
    const api = extra.api ?? 'weather';
    const plan = team === 'acme' ? 'free' : 'pro';
    const outcome = extra.outcome ?? usageOutcome(status);
    return {
      app: `${team}-app`, team, api, plan, key: `tg_test_${team}`,
      time: new Date(now - msAgo).toISOString(),
      apiId: ids[api]!,
      routeKey: extra.route ?? (api === 'weather' ? 'GET /forecast/{city}' : 'GET /tiles/{z}'),
      appId: ids[`${team}-app`]!,
      keyId: ids[`${team}-key`]!,
      subscriptionId: ids[`${team}-${ids[api]}`] ?? '',
      planId: ids[plan]!,
      status,
      latencyMs,
      units: outcome === 'success' ? 1 : 0,
      outcome,
      ...(extra.version ? { upstreamVersion: extra.version } : {}),
    };
  };
  events.push(
    // The last 15 minutes. Weather's upstream is split into stable and canary; calls the gateway refused reach no version.
    call('acme', 1 * MINUTE, 200, 4, { version: 'stable' }),
    call('acme', 1 * MINUTE, 200, 9, { version: 'canary' }),
    call('acme', 2 * MINUTE, 429, 1, { outcome: 'rateLimited' }),
    call('acme', 3 * MINUTE, 429, 1, { outcome: 'overQuota' }),
    call('acme', 4 * MINUTE, 503, 2_400, { api: 'maps' }),
    call('globex', 5 * MINUTE, 200, 60, { version: 'canary' }),
    call('globex', 6 * MINUTE, 404, 20, { route: 'GET /alerts', version: 'canary' }),
    call('acme', 7 * MINUTE, 401, 2, { outcome: 'authFailed' }),
    // Earlier in the hour and the day.
    call('acme', 40 * MINUTE, 200, 30, { api: 'maps' }),
    call('globex', 50 * MINUTE, 500, 900, { version: 'canary' }),
    call('acme', 3 * HOUR, 201, 120, { version: 'stable' }),
    call('globex', 20 * HOUR, 200, 15, { version: 'stable' }),
    // Earlier in the week and the month: the hourly and daily levels.
    call('acme', 2 * DAY, 200, 70, { version: 'stable' }),
    call('acme', 2 * DAY + 5 * MINUTE, 502, 5_000, { version: 'canary' }),
    call('globex', 5 * DAY, 200, 45, { api: 'maps' }),
    call('acme', 20 * DAY, 200, 8, { version: 'stable' }),
    // Before the 30 days: the previous period of a 30-day view.
    call('globex', 40 * DAY, 200, 8),
  );
  await flushUsageEvents(t.url, events.map(({ app: _app, team: _team, api: _api, plan: _plan, key: _key, ...event }) => event));
  await rollUpLevels(t.db);
});

const within = (from: string, to: string) => (event: Event) => Date.parse(event.time) >= Date.parse(from) && Date.parse(event.time) < Date.parse(to);

function bucketBoundOfQuantile(latencies: number[], q: number): number | null {
  if (latencies.length === 0) return null;
  const sorted = [...latencies].sort((a, b) => a - b);
  const value = sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
  return LATENCY_BUCKET_BOUNDS_MS.find((bound) => value <= bound) ?? LATENCY_BUCKET_BOUNDS_MS.at(-1)!;
}

function expectedTotals(selected: Event[]) {
  const counts = Object.fromEntries(USAGE_OUTCOMES.map((outcome) => [outcome, selected.filter((event) => event.outcome === outcome).length]));
  const errors = selected.length - counts.success!;
  const latencies = selected.map((event) => event.latencyMs);
  return {
    ...counts,
    requests: selected.length,
    units: selected.reduce((sum, event) => sum + event.units, 0),
    errors,
    errorRate: selected.length === 0 ? null : errors / selected.length,
    latencyMs: { p50: bucketBoundOfQuantile(latencies, 0.5), p95: bucketBoundOfQuantile(latencies, 0.95), p99: bucketBoundOfQuantile(latencies, 0.99) },
  };
}

const admin = (input: Record<string, unknown>) => runOperation(t.db, CLI_PRINCIPAL, getAnalytics, input);

describe('the analytics overview', () => {
  it('stacks the last hour minute by minute by outcome, with totals, error rate, percentiles and the refusals told apart', async () => {
    const report = await admin({ range: '1h' });
    expect(report.bucketMs).toBe(MINUTE);
    const selected = events.filter(within(report.from, report.to));
    expect(report.totals).toEqual(expectedTotals(selected));
    expect([report.totals.rateLimited, report.totals.overQuota, report.totals.authFailed]).toEqual([1, 1, 1]);
    const expected = new Map<string, Record<string, number>>();
    for (const event of selected) {
      const start = new Date(Math.floor(Date.parse(event.time) / MINUTE) * MINUTE).toISOString();
      const point = expected.get(start) ?? Object.fromEntries(USAGE_OUTCOMES.map((outcome) => [outcome, 0]));
      point[event.outcome]! += 1;
      expected.set(start, point);
    }
    const shown = report.series.filter((point) => point.requests > 0).map((point) => [point.start, Object.fromEntries(USAGE_OUTCOMES.map((outcome) => [outcome, point[outcome]]))]);
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
    const slow = report.series.find((point) => point.serverError > 0 && point.start === new Date(Math.floor((Date.now() - 4 * MINUTE) / MINUTE) * MINUTE).toISOString());
    expect(slow?.latencyMs.p99).toBe(bucketBoundOfQuantile([2_400], 0.99));
  });

  it('compares with the same number of buckets just before', async () => {
    for (const range of ['1h', '24h', '30d'] as const) {
      const report = await admin({ range });
      expect(report.previous.to).toBe(report.from);
      expect(Date.parse(report.previous.to) - Date.parse(report.previous.from)).toBe(report.series.length * report.bucketMs);
      expect(report.previous.totals).toEqual(expectedTotals(events.filter(within(report.previous.from, report.previous.to))));
    }
  });

  it('ranks APIs, routes, apps, teams and status classes by requests', async () => {
    const report = await admin({ range: '24h' });
    const selected = events.filter(within(report.from, report.to));
    const rank = (key: (event: Event) => string) => {
      const counts = new Map<string, number>();
      for (const event of selected) counts.set(key(event), (counts.get(key(event)) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    };
    expect(report.topApis.map((row) => [row.api, row.requests])).toEqual(rank((event) => event.api));
    expect(report.topApps.map((row) => [row.app, row.requests])).toEqual(rank((event) => event.app));
    expect(report.topTeams.map((row) => [row.team, row.requests])).toEqual(rank((event) => event.team));
    expect(report.topApps[0]).toMatchObject({ app: 'acme-app', name: 'Acme App', team: 'acme' });
    expect(report.statusClasses).toEqual(rank((event) => `${Math.floor(event.status / 100)}xx`).map(([statusClass, requests]) => ({ statusClass, requests })));
    const forecast = selected.filter((event) => event.api === 'weather' && event.routeKey === 'GET /forecast/{city}');
    const errors = forecast.filter((event) => event.outcome !== 'success').length;
    expect(report.topRoutes.find((row) => row.route === 'GET /forecast/{city}')).toEqual({
      api: 'weather', route: 'GET /forecast/{city}', requests: forecast.length, errors, errorRate: errors / forecast.length,
      latencyMs: expectedTotals(forecast).latencyMs,
    });
  });

  it('narrows every figure by API, route, plan, app, key prefix and status class', async () => {
    const filters: Array<[Record<string, string>, (event: Event) => boolean]> = [
      [{ api: 'maps' }, (event) => event.api === 'maps'],
      [{ route: 'GET /alerts' }, (event) => event.routeKey === 'GET /alerts'],
      [{ plan: 'pro' }, (event) => event.plan === 'pro'],
      [{ app: 'acme-app' }, (event) => event.app === 'acme-app'],
      [{ key: 'tg_test_globex' }, (event) => event.key === 'tg_test_globex'],
      [{ status: '4xx' }, (event) => event.status >= 400 && event.status < 500],
      [{ api: 'weather', status: '5xx', app: 'globex-app' }, (event) => event.api === 'weather' && event.status >= 500 && event.app === 'globex-app'],
    ];
    for (const [filter, keep] of filters) {
      const report = await admin({ range: '30d', ...filter });
      expect(report.totals, JSON.stringify(filter)).toEqual(expectedTotals(events.filter(within(report.from, report.to)).filter(keep)));
    }
    await expect(admin({ api: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(admin({ plan: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(admin({ key: 'tg_test_nobody' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('narrows by upstream version and sets the versions side by side (calls, error rate, p95) from the minutes, hours and days alike', async () => {
    // 1h reads minutes, 24h hours (the worker has rolled them), 30d days.
    for (const range of ['1h', '24h', '30d'] as const) {
      const report = await admin({ range });
      const selected = events.filter(within(report.from, report.to));
      for (const version of ['stable', 'canary']) {
        const narrowed = await admin({ range, upstreamVersion: version });
        expect(narrowed.totals, `${range} ${version}`).toEqual(expectedTotals(selected.filter((event) => event.upstreamVersion === version)));
      }
      const versions = [...new Set(selected.map((event) => event.upstreamVersion).filter((version) => version !== undefined))];
      const rows = versions.map((version) => {
        const calls = selected.filter((event) => event.upstreamVersion === version);
        const { requests, errors, errorRate, latencyMs } = expectedTotals(calls);
        return { api: 'weather', upstreamVersion: version, requests, errors, errorRate, latencyMs };
      });
      expect(report.topUpstreamVersions, range).toEqual(rows.sort((a, b) => b.requests - a.requests || a.upstreamVersion.localeCompare(b.upstreamVersion)));
      expect(report.topUpstreamVersions.length, range).toBe(2);
    }
    const canary = await admin({ range: '30d', upstreamVersion: 'canary', status: '5xx' });
    expect(canary.totals.requests).toBe(2);
    expect((await admin({ range: '30d', upstreamVersion: 'blue' })).totals.requests).toBe(0);
    expect((await admin({ range: '30d', api: 'maps' })).topUpstreamVersions).toEqual([]);
  });

  it('gives the same answer for a range whichever level serves it, and keeps every range readable', async () => {
    const from = new Date(Math.floor((Date.now() - 3 * DAY) / DAY) * DAY).toISOString();
    const to = new Date(Math.floor(Date.now() / DAY) * DAY).toISOString();
    const expected = expectedTotals(events.filter(within(from, to)));
    for (const intervalMs of [MINUTE, 15 * MINUTE, HOUR, DAY]) {
      const report = await admin({ from, to, intervalMs });
      expect([report.range, report.from, report.to]).toEqual(['custom', from, to]);
      expect(report.totals, `interval ${intervalMs}`).toEqual(expected);
    }
    for (const [range, bucketMs] of [['15m', MINUTE], ['1h', MINUTE], ['24h', HOUR], ['7d', HOUR], ['30d', DAY]] as const) {
      const report = await admin({ range });
      expect(report.bucketMs).toBe(bucketMs);
      expect(report.series.length).toBeGreaterThanOrEqual(15);
      expect(report.series.length).toBeLessThanOrEqual(MAX_BUCKETS + 1);
    }
  });

  it('widens a custom range to whole buckets', async () => {
    const report = await admin({ from: '2026-01-01T10:07:00Z', to: '2026-01-03T09:50:00Z' });
    expect([report.bucketMs, report.from, report.to]).toEqual([HOUR, '2026-01-01T10:00:00.000Z', '2026-01-03T10:00:00.000Z']);
    expect(report.series).toHaveLength(48);
    const short = await admin({ from: '2026-01-01T10:07:00Z', to: '2026-01-01T10:50:30Z' });
    expect([short.bucketMs, short.from, short.to, short.series.length]).toEqual([MINUTE, '2026-01-01T10:07:00.000Z', '2026-01-01T10:51:00.000Z', 44]);
  });

  it('answers invalid_params for a range that runs backwards, is too wide, half given, or unknown', async () => {
    const names = async (input: Record<string, unknown>) => admin(input).then(() => [], (error: { code: string; invalidParams?: { name: string }[] }) => (error.code === 'invalid_params' ? error.invalidParams!.map((param) => param.name) : [error.code]));
    expect(await names({ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual(['to']);
    expect(await names({ from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' })).toEqual(['to']);
    expect(await names({ from: '2026-01-01T00:00:00Z' })).toEqual(['to']);
    expect(await names({ range: '2h' })).toEqual(['range']);
    expect(await names({ range: '1h', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' })).toEqual(['range']);
    expect(await names({ status: '404' })).toEqual(['status']);
    expect(await names({ upstreamVersion: 'Canary!' })).toEqual(['upstreamVersion']);
  });

  it('shows a developer their own team’s traffic only; another team’s app is not_found', async () => {
    const report = await runOperation(t.db, alice, getAnalytics, { range: '30d' });
    expect(report.totals).toEqual(expectedTotals(events.filter(within(report.from, report.to)).filter((event) => event.team === 'acme')));
    expect(JSON.stringify(report)).not.toContain('globex');
    await expect(runOperation(t.db, alice, getAnalytics, { app: 'globex-app' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runOperation(t.db, alice, getAnalytics, { key: 'tg_test_globex' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('leaves excluded apps out of every figure', async () => {
    await t.db.app.update({ where: { slug: 'globex-app' }, data: { excludedFromAnalytics: true } });
    try {
      const report = await admin({ range: '30d' });
      expect(report.totals).toEqual(expectedTotals(events.filter(within(report.from, report.to)).filter((event) => event.team !== 'globex')));
      expect(report.topTeams.map((row) => row.team)).toEqual(['acme']);
    } finally {
      await t.db.app.update({ where: { slug: 'globex-app' }, data: { excludedFromAnalytics: false } });
    }
  });

  it('writes a chart’s data as CSV: the series with every outcome, or a top table', async () => {
    const report = await admin({ range: '1h' });
    const lines = analyticsToCsv(report).trim().split('\r\n');
    expect(lines[0]).toBe(`start,${USAGE_OUTCOMES.join(',')},requests,units,p50,p95,p99`);
    expect(lines).toHaveLength(report.series.length + 1);
    expect(lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[USAGE_OUTCOMES.length + 1]), 0)).toBe(report.totals.requests);
    expect(analyticsToCsv(report, 'teams').trim().split('\r\n')[0]).toBe('team,name,requests,errors,errorRate,p50,p95,p99');
    const versions = analyticsToCsv(report, 'upstreamVersions').trim().split('\r\n');
    expect(versions[0]).toBe('api,upstreamVersion,requests,errors,errorRate,p50,p95,p99');
    expect(versions.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual(report.topUpstreamVersions.map((row) => `weather,${row.upstreamVersion},${row.requests}`));
  });
});
