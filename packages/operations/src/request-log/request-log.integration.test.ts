import { randomUUID } from 'node:crypto';
import { REQUEST_LOG_EXPORT_MAX_ROWS, ZConfigFile, type TRequestLogEntry } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { flushUsageEvents, type UsageEventInput } from '../../../../test/support/flush-usage-events';
import { CLI_PRINCIPAL, developerPrincipal, type Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { exportRequestLog, getRequestLogEntry, listRequestLog, REQUEST_LOG_CSV_HEADER, requestLogCsvLines } from './index';

const t = useTestDatabase();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const viewer: Principal = { kind: 'token', id: 'viewer-token', label: 'viewer', role: 'viewer' };

type Seeded = UsageEventInput & { id: string; app?: string };
let seeded: Seeded[];
let ids: Record<string, string>;

const list = (input: Record<string, unknown>) => runOperation(t.db, viewer, listRequestLog, input);
const requestIds = (items: TRequestLogEntry[]) => items.map((item) => item.id);
/** The seeded events a filter should find, newest first as the log orders them. */
const expected = (keep: (event: Seeded) => boolean) =>
  seeded
    .filter(keep)
    .sort((a, b) => b.time.localeCompare(a.time) || (a.id < b.id ? 1 : -1))
    .map((event) => event.id);
const inDefaultWindow = (event: Seeded) => Date.now() - Date.parse(event.time) < 24 * HOUR;

beforeAll(async () => {
  await applyConfig(
    t.db,
    ZConfigFile.parse({
      apis: [{ slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] } }],
      plans: [{ slug: 'free', name: 'Free', apis: ['weather'] }],
      teams: [
        { slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'free' }] }] },
        { slug: 'globex', name: 'Globex', apps: [{ slug: 'globex-app', name: 'Globex App', subscriptions: [{ api: 'weather', plan: 'free' }] }] },
      ],
    }),
    { baseDir: process.cwd() },
  );
  ids = { api: (await t.db.api.findUniqueOrThrow({ where: { slug: 'weather' } })).id, plan: (await t.db.plan.findUniqueOrThrow({ where: { slug: 'free' } })).id };
  for (const team of ['acme', 'globex']) {
    const app = await t.db.app.findUniqueOrThrow({ where: { slug: `${team}-app` }, include: { subscriptions: true } });
    ids[`${team}-app`] = app.id;
    ids[`${team}-sub`] = app.subscriptions[0]!.id;
    ids[`${team}-key`] = (await t.db.apiKey.create({ data: { appId: app.id, name: `${team} ci`, prefix: `tg_test_${team}`, hash: `hash-of-${team}-${randomUUID()}` } })).id;
  }
  const now = Date.now();
  // Two requests in the same millisecond: the id breaks the tie, and a page boundary may fall between them.
  const tie = new Date(now - 3 * MINUTE).toISOString();
  const call = (app: 'acme' | 'globex', msAgo: number | string, status: number, latencyMs: number, extra: Partial<Seeded> = {}): Seeded => ({
    id: randomUUID(),
    app: `${app}-app`,
    time: typeof msAgo === 'string' ? msAgo : new Date(now - msAgo).toISOString(),
    gatewayId: 'gw-eu-1',
    apiId: ids.api!,
    routeKey: 'GET /forecast/{city}',
    appId: ids[`${app}-app`]!,
    keyId: ids[`${app}-key`]!,
    subscriptionId: ids[`${app}-sub`]!,
    planId: ids.plan!,
    method: 'GET',
    path: '/weather/forecast/paris',
    status,
    latencyMs,
    bytesIn: 12,
    bytesOut: 340,
    units: status < 500 && status !== 429 ? 1 : 0,
    clientIp: '203.0.113.7',
    ...extra,
  });
  seeded = [
    call('acme', MINUTE, 200, 4, { upstreamVersion: 'canary' }),
    call('acme', 2 * MINUTE, 404, 35, { upstreamVersion: 'stable' }),
    call('acme', tie, 200, 8),
    call('acme', tie, 503, 2_600),
    call('acme', 20 * MINUTE, 201, 120, { routeKey: 'POST /alerts', method: 'POST', path: '/weather/alerts' }),
    call('globex', 5 * MINUTE, 200, 15_000),
    call('globex', 3 * HOUR, 429, 0.4, { outcome: 'rateLimited' }),
    call('globex', 3 * HOUR + 1, 429, 0.3, { outcome: 'overQuota' }),
    // Refused credentials folded into one row standing for 37 requests: no app, key or units.
    { ...call('acme', 4 * HOUR, 401, 1.5, { outcome: 'authFailed' }), app: undefined, appId: undefined, keyId: undefined, subscriptionId: undefined, planId: undefined, units: 0, count: 37, clientIp: '198.51.100.9' },
    // Two days ago: outside the default window, and in another daily partition.
    call('acme', 49 * HOUR, 500, 700),
  ];
  await flushUsageEvents(t.url, seeded);
});

describe('request_log.list', () => {
  it('shows the last 24 hours newest first, with slugs and the key prefix (never its hash) and the folded count', async () => {
    const page = await list({ limit: 100 });
    expect(requestIds(page.items)).toEqual(expected(inDefaultWindow));
    expect(Date.parse(page.to) - Date.parse(page.from)).toBe(24 * HOUR);
    expect(page.next_cursor).toBeNull();
    const newest = seeded[0]!;
    expect(page.items[0]).toEqual({
      id: newest.id,
      time: newest.time,
      method: 'GET',
      path: '/weather/forecast/paris',
      status: 200,
      outcome: 'success',
      latencyMs: 4,
      bytesIn: 12,
      bytesOut: 340,
      units: 1,
      count: 1,
      apiSlug: 'weather',
      routeKey: 'GET /forecast/{city}',
      appSlug: 'acme-app',
      keyPrefix: 'tg_test_acme',
      clientIp: '203.0.113.7',
      gatewayId: 'gw-eu-1',
      upstreamVersion: 'canary',
    });
    expect(page.items.find((item) => item.status === 401)).toMatchObject({ count: 37, appSlug: null, keyPrefix: null, clientIp: '198.51.100.9' });
    expect(JSON.stringify(page)).not.toContain('hash-of-');
  });

  it('filters by status, status class, app, key prefix, API and route, latency, upstream version and request id', async () => {
    const cases: [Record<string, unknown>, (event: Seeded) => boolean][] = [
      [{ status: '404' }, (event) => event.status === 404],
      [{ status: '4xx', outcome: 'clientError' }, (event) => event.status === 404],
      [{ status: '5xx' }, (event) => event.status >= 500],
      [{ status: '2xx', app: 'acme-app' }, (event) => event.status < 300 && event.app === 'acme-app'],
      [{ key: 'tg_test_globex' }, (event) => event.app === 'globex-app'],
      [{ api: 'weather', route: 'POST /alerts' }, (event) => event.routeKey === 'POST /alerts'],
      [{ latencyOverMs: 100 }, (event) => event.latencyMs > 100],
      [{ outcome: 'overQuota' }, (event) => event.outcome === 'overQuota'],
      [{ status: '429', outcome: 'rateLimited' }, (event) => event.outcome === 'rateLimited'],
      [{ outcome: 'serverError' }, (event) => event.status >= 500],
      [{ requestId: seeded[1]!.id }, (event) => event.id === seeded[1]!.id],
      [{ upstreamVersion: 'canary' }, (event) => event.upstreamVersion === 'canary'],
      [{ upstreamVersion: 'stable', status: '4xx' }, (event) => event.upstreamVersion === 'stable'],
    ];
    for (const [filter, keep] of cases) {
      const page = await list({ limit: 100, ...filter });
      expect(requestIds(page.items), JSON.stringify(filter)).toEqual(expected((event) => inDefaultWindow(event) && keep(event)));
      expect(page.items.length, JSON.stringify(filter)).toBeGreaterThan(0);
    }
  });

  it('reads an explicit range [from, to), and finds nothing for an app, API or key that does not exist', async () => {
    const old = seeded.at(-1)!;
    const from = new Date(Date.parse(old.time) - HOUR).toISOString();
    const around = await list({ from, to: new Date(Date.parse(old.time) + HOUR).toISOString() });
    expect(requestIds(around.items)).toEqual([old.id]);
    expect(around).toMatchObject({ from, to: new Date(Date.parse(old.time) + HOUR).toISOString() });
    expect((await list({ from: old.time, to: new Date(Date.parse(old.time) + 1).toISOString() })).items).toHaveLength(1);
    expect((await list({ from: new Date(Date.parse(old.time) - 1).toISOString(), to: old.time })).items).toHaveLength(0);
    // Only `from`: the 24 hours after it.
    expect(requestIds((await list({ from })).items)).toEqual([old.id]);
    for (const filter of [{ app: 'no-such-app' }, { api: 'maps' }, { key: 'tg_live_nothing' }]) {
      expect(await list(filter)).toMatchObject({ items: [], next_cursor: null });
    }
  });

  it('pages by (time, id) across page boundaries, a tie in the same millisecond included', async () => {
    const all = expected(inDefaultWindow);
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await list({ limit: 3, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...requestIds(page.items));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThan(3);
  });

  it('names the bad field: status, the span, a forged cursor, an unknown parameter; developers may not read it', async () => {
    const invalid = async (input: Record<string, unknown>) => {
      const error = (await list(input).catch((caught: unknown) => caught)) as { code: string; invalidParams: { name: string }[] };
      expect(error.code).toBe('invalid_params');
      return error.invalidParams.map((param) => param.name);
    };
    expect(await invalid({ status: '4x' })).toEqual(['status']);
    expect(await invalid({ from: '2026-01-01T00:00:00Z', to: '2026-01-09T00:00:01Z' })).toEqual(['to']);
    expect(await invalid({ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual(['to']);
    expect(await invalid({ latencyOverMs: 'slow' })).toEqual(['latencyOverMs']);
    expect(await invalid({ upstreamVersion: 'Canary!' })).toEqual(['upstreamVersion']);
    expect(await invalid({ cursor: Buffer.from('2026|x').toString('base64url') })).toEqual(['cursor']);
    expect(await invalid({ path: '/weather' })).toEqual(['(root)']);
    const user = await t.db.user.create({ data: { email: 'dev@example.test', name: 'Dev', passwordHash: 'x' } });
    await expect(runOperation(t.db, developerPrincipal(user), listRequestLog, {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('request_log.get', () => {
  it('answers one request with the records it names, and not_found for another time or id', async () => {
    const event = seeded[0]!;
    const detail = await runOperation(t.db, viewer, getRequestLogEntry, { id: event.id, time: event.time });
    expect(detail).toMatchObject({
      id: event.id,
      apiName: 'Weather',
      appName: 'Acme App',
      teamSlug: 'acme',
      keyPrefix: 'tg_test_acme',
      keyName: 'acme ci',
      planSlug: 'free',
      subscriptionId: ids['acme-sub'],
      gatewayId: 'gw-eu-1',
    });
    expect(detail.batchId).toMatch(/^test:/);
    expect(JSON.stringify(detail)).not.toContain('hash-of-');
    const other = new Date(Date.parse(event.time) + 1).toISOString();
    await expect(runOperation(t.db, viewer, getRequestLogEntry, { id: event.id, time: other })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runOperation(t.db, viewer, getRequestLogEntry, { id: 'nothing', time: event.time })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('request_log.export', () => {
  it('streams the filter newest first as CSV chunks', async () => {
    const exported = await runOperation(t.db, CLI_PRINCIPAL, exportRequestLog, { app: 'acme-app' });
    const rows: TRequestLogEntry[] = [];
    for await (const chunk of exported.chunks) rows.push(...chunk);
    expect(requestIds(rows)).toEqual(expected((event) => inDefaultWindow(event) && event.app === 'acme-app'));
    const csv = REQUEST_LOG_CSV_HEADER + requestLogCsvLines(rows);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,id,method,path,status,outcome,latencyMs,bytesIn,bytesOut,units,count,apiSlug,routeKey,appSlug,keyPrefix,clientIp,gatewayId,upstreamVersion');
    expect(lines[1]).toBe(`${rows[0]!.time},${rows[0]!.id},GET,/weather/forecast/paris,200,success,4,12,340,1,1,weather,GET /forecast/{city},acme-app,tg_test_acme,203.0.113.7,gw-eu-1,canary`);
    expect(lines).toHaveLength(rows.length + 1);
  });

  it(`stops after ${REQUEST_LOG_EXPORT_MAX_ROWS.toLocaleString('en')} rows`, async () => {
    const start = Date.now() - 10 * HOUR;
    const many = Array.from({ length: REQUEST_LOG_EXPORT_MAX_ROWS + 5 }, (_, index) => ({
      id: `bulk-${String(index).padStart(6, '0')}`,
      time: new Date(start + index).toISOString(),
      gatewayId: 'gw-bulk',
      routeKey: 'GET /bulk',
      status: 204,
      latencyMs: 1,
      units: 0,
    }));
    await flushUsageEvents(t.url, many);
    const exported = await runOperation(t.db, viewer, exportRequestLog, { route: 'GET /bulk' });
    let count = 0;
    let first: string | undefined;
    let last: string | undefined;
    for await (const chunk of exported.chunks) {
      first ??= chunk[0]!.id;
      last = chunk.at(-1)!.id;
      count += chunk.length;
    }
    expect(count).toBe(REQUEST_LOG_EXPORT_MAX_ROWS);
    expect([first, last]).toEqual([many.at(-1)!.id, many[5]!.id]);
  }, 120_000);
});

describe('request_log partitions', () => {
  it('stores each row in its day\'s partition and finds rows on both sides of a midnight in one search', async () => {
    // Days after the first partition (which holds everything before the day after the migration).
    const midnight = new Date(Math.ceil((Date.now() + 3 * 24 * HOUR) / (24 * HOUR)) * 24 * HOUR);
    const before = { ...seeded[0]!, id: randomUUID(), time: new Date(midnight.getTime() - 100).toISOString() };
    const after = { ...seeded[0]!, id: randomUUID(), time: new Date(midnight.getTime() + 100).toISOString() };
    await flushUsageEvents(t.url, [before, after]);
    const homes = await t.db.$queryRawUnsafe<{ id: string; partition: string }[]>(`SELECT id, tableoid::regclass::text AS partition FROM request_log WHERE id = ANY($1::text[]) ORDER BY time`, [before.id, after.id]);
    const day = (at: number) => `request_log_${new Date(at).toISOString().slice(0, 10).replaceAll('-', '')}`;
    expect(homes).toEqual([
      { id: before.id, partition: day(midnight.getTime() - HOUR) },
      { id: after.id, partition: day(midnight.getTime()) },
    ]);
    const page = await list({ from: new Date(midnight.getTime() - HOUR).toISOString(), to: new Date(midnight.getTime() + HOUR).toISOString() });
    expect(requestIds(page.items)).toEqual([after.id, before.id]);
  });
});
