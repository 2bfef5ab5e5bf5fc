import { randomUUID } from 'node:crypto';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createUsageStore, encodeRequestLogRow, RollupAccumulator } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/support/run-cli';

const t = useTestDatabase();

beforeAll(async () => {
  await applyConfig(
    t.db,
    ZConfigFile.parse({
      apis: [
        { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] } },
        { slug: 'maps', name: 'Maps', basePath: '/maps', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] } },
      ],
      plans: [{ slug: 'free', name: 'Free', apis: ['weather', 'maps'] }],
      teams: [
        {
          slug: 'acme',
          name: 'Acme',
          apps: [
            { slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'free' }, { api: 'maps', plan: 'free' }] },
            { slug: 'other-app', name: 'Other App', subscriptions: [{ api: 'weather', plan: 'free' }] },
          ],
        },
      ],
    }),
    { baseDir: process.cwd() },
  );
  const apis = Object.fromEntries((await t.db.api.findMany()).map((api) => [api.slug, api.id]));
  const apps = Object.fromEntries((await t.db.app.findMany()).map((app) => [app.slug, app.id]));
  // [time, api, app, route, status, units]
  const rows: Array<[string, string, string, string, number, number]> = [
    ['2026-10-31T23:59:10.000Z', 'weather', 'acme-app', 'GET /forecast/{city}', 200, 1],
    ['2026-11-01T00:00:10.000Z', 'weather', 'acme-app', 'GET /forecast/{city}', 200, 3],
    ['2026-11-01T00:01:10.000Z', 'weather', 'acme-app', 'GET /forecast/{city}', 404, 3],
    ['2026-11-01T00:01:20.000Z', 'weather', 'acme-app', 'GET /forecast/{city}', 503, 0],
    ['2026-11-02T10:00:00.000Z', 'maps', 'acme-app', 'GET /tiles/{z}', 200, 2],
    ['2026-11-02T10:00:00.000Z', 'weather', 'other-app', 'GET /forecast/{city}', 200, 5],
  ];
  const copyRows: string[] = [];
  const rollups = new RollupAccumulator();
  for (const [time, api, app, route, status, units] of rows) {
    const event = { time, apiId: apis[api]!, routeKey: route, appId: apps[app]!, status, units, latencyMs: 4, bytesIn: 0, bytesOut: 10 };
    copyRows.push(encodeRequestLogRow('cli-test', { ...event, id: randomUUID(), gatewayId: 'gw', method: 'GET', path: '/x' }));
    rollups.add({ ...event, minute: time.slice(0, 16), keyId: '', subscriptionId: '', planId: '' });
  }
  const store = createUsageStore(t.url);
  await store.ingest({
    id: 'cli-test',
    gatewayId: 'gw',
    rows: Buffer.from(copyRows.join('')),
    eventCount: rows.length,
    firstAt: rows[0]![0],
    lastAt: rows.at(-1)![0],
    rollups: rollups.rows(),
  });
  await store.close();
});

describe('tollgate usage', () => {
  it('--json prints totals and a breakdown, filtered by app, API and period', async () => {
    const result = await runCli(['usage', '--app', 'acme-app', '--api', 'weather', '--from', '2026-11-01', '--to', '2026-11-02', '--json'], { DATABASE_URL: t.url });
    expect(result.code, result.stderr).toBe(0);
    const body = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(body).toMatchObject({
      requests: 3,
      units: 6,
      errors: 2,
      byStatusClass: { '2xx': 1, '4xx': 1, '5xx': 1 },
      byApi: [{ api: 'weather', requests: 3, units: 6 }],
      byRoute: [{ api: 'weather', route: 'GET /forecast/{city}', requests: 3, units: 6 }],
      latencyMs: { p50: 5 },
    });
    const all = JSON.parse((await runCli(['usage', '--json'], { DATABASE_URL: t.url })).stdout) as { requests: number; units: number; byApi: unknown[] };
    expect(all).toMatchObject({ requests: 6, units: 14 });
    expect(all.byApi).toHaveLength(2);
  });

  it('answers problem+json for an unknown app and a bad date', async () => {
    const unknown = await runCli(['usage', '--app', 'nope', '--json'], { DATABASE_URL: t.url });
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stderr)).toMatchObject({ status: 404, code: 'not_found' });
    expect(unknown.stdout).toBe('');
    const bad = await runCli(['usage', '--from', 'yesterday', '--json'], { DATABASE_URL: t.url });
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr)).toMatchObject({ status: 400, code: 'bad_request', detail: expect.stringContaining("option '--from <iso>' argument 'yesterday' is invalid") });
  });
});
