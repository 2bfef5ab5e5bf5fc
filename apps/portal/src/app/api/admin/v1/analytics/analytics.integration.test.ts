import { randomUUID } from 'node:crypto';
import { CLI_PRINCIPAL, createApi, createApp, createTeam, getAnalytics, runOperation } from '@tollgate/operations';
import { beforeAll, describe, expect, it } from 'vitest';
import { flushUsageEvents } from '../../../../../../../../test/support/flush-usage-events';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const route = () => import('./route');

type Report = { range: string; bucketMs: number; totals: Record<string, number>; series: { start: string; requests: number }[]; topApps: { app: string; requests: number }[] };

beforeAll(async () => {
  const run = (operation: Parameters<typeof runOperation>[2], input: unknown) => runOperation(t.db, CLI_PRINCIPAL, operation, input);
  await run(createApi, { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published' });
  await run(createTeam, { slug: 'acme', name: 'Acme' });
  await run(createApp, { team: 'acme', slug: 'acme-app', name: 'Acme App' });
  const api = await t.db.api.findUniqueOrThrow({ where: { slug: 'weather' } });
  const app = await t.db.app.findUniqueOrThrow({ where: { slug: 'acme-app' } });
  const key = await t.db.apiKey.create({ data: { appId: app.id, prefix: 'tg_test_acme01', hash: `hash-${randomUUID()}` } });
  const now = Date.now();
  await flushUsageEvents(
    t.url,
    [[1, 200], [2, 200], [3, 404], [4, 503], [5, 429]].map(([minutesAgo, status]) => ({
      time: new Date(now - minutesAgo! * 60_000).toISOString(), apiId: api.id, routeKey: 'GET /forecast/{city}', appId: app.id, keyId: key.id, status: status!, latencyMs: 12, units: 1,
      ...(status === 429 ? { outcome: 'rateLimited' as const } : {}),
      // The two oldest calls went to a canary, the two newest to stable.
      ...(minutesAgo! <= 2 ? { upstreamVersion: 'stable' } : minutesAgo! <= 4 ? { upstreamVersion: 'canary' } : {}),
    })),
  );
});

describe('/api/admin/v1/analytics', () => {
  it('answers the dashboard as JSON, the same as the operation, filtered by the query', async () => {
    const response = await call((await route()).GET, 'GET', '/api/admin/v1/analytics?range=1h&app=acme-app&key=tg_test_acme01', { token: tokens.viewer });
    expect(response.status).toBe(200);
    const report = await json<Report>(response);
    const expected = await runOperation(t.db, CLI_PRINCIPAL, getAnalytics, { range: '1h', app: 'acme-app', key: 'tg_test_acme01' });
    expect(report.totals).toEqual(JSON.parse(JSON.stringify(expected.totals)));
    expect(report).toMatchObject({ range: '1h', bucketMs: 60_000, totals: { requests: 5, success: 2, clientError: 1, serverError: 1, rateLimited: 1, errors: 3 } });
    expect(report.topApps).toMatchObject([{ app: 'acme-app', requests: 5 }]);
    const errorsOnly = await json<Report>(await call((await route()).GET, 'GET', '/api/admin/v1/analytics?range=1h&status=5xx', { token: tokens.viewer }));
    expect(errorsOnly.totals.requests).toBe(1);
    const canary = await json<Report & { topUpstreamVersions: unknown[] }>(await call((await route()).GET, 'GET', '/api/admin/v1/analytics?range=1h&upstreamVersion=canary', { token: tokens.viewer }));
    expect(canary.totals).toMatchObject({ requests: 2, clientError: 1, serverError: 1 });
    expect(canary.topUpstreamVersions).toMatchObject([{ api: 'weather', upstreamVersion: 'canary', requests: 2, errors: 2, errorRate: 1 }]);
  });

  it('answers one chart’s data as CSV with format=csv', async () => {
    const response = await call((await route()).GET, 'GET', '/api/admin/v1/analytics?range=15m&format=csv', { token: tokens.viewer });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="usage-series-\d{8}T\d{4}-\d{8}T\d{4}\.csv"$/);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('start,success,clientError,serverError,rateLimited,overQuota,authFailed,requests,units,p50,p95,p99');
    expect(lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[7]), 0)).toBe(5);
    const apps = await call((await route()).GET, 'GET', '/api/admin/v1/analytics?range=1h&format=csv&chart=apps', { token: tokens.viewer });
    expect((await apps.text()).split('\r\n')[1]).toMatch(/^acme-app,Acme App,acme,5,3,0\.6,/);
    const versions = await call((await route()).GET, 'GET', '/api/admin/v1/analytics?range=1h&format=csv&chart=upstreamVersions', { token: tokens.viewer });
    expect((await versions.text()).trim().split('\r\n').map((line) => line.split(',').slice(0, 5).join(','))).toEqual([
      'api,upstreamVersion,requests,errors,errorRate',
      'weather,canary,2,2,1',
      'weather,stable,2,0,0',
    ]);
  });

  it('answers 400 invalid_params for a range that runs backwards, an unknown range, and bad filters', async () => {
    const { GET } = await route();
    const names = async (query: string) => {
      const response = await call(GET, 'GET', `/api/admin/v1/analytics?${query}`, { token: tokens.viewer });
      expect([response.status, response.headers.get('content-type')]).toEqual([400, 'application/problem+json']);
      return (await json<{ invalid_params: { name: string }[] }>(response)).invalid_params.map((param) => param.name).sort();
    };
    expect(await names('from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z')).toEqual(['to']);
    expect(await names('range=2h')).toEqual(['range']);
    expect(await names('status=404&app=Not%20A%20Slug&intervalMs=soon')).toEqual(['app', 'intervalMs', 'status']);
    expect(await names('format=xml')).toEqual(['format']);
    expect(await names('upstreamVersion=Canary')).toEqual(['upstreamVersion']);
    const unknown = await call(GET, 'GET', '/api/admin/v1/analytics?api=nope', { token: tokens.viewer });
    expect([unknown.status, (await json<{ code: string }>(unknown)).code]).toEqual([404, 'not_found']);
  });

  it('guards the route: 401 without a valid token', async () => {
    await expectRouteGuards({ module: await route(), path: '/api/admin/v1/analytics' }, tokens);
  });
});
