import { randomUUID } from 'node:crypto';
import { CLI_PRINCIPAL, createApi, createApp, createTeam, runOperation } from '@tollgate/operations';
import { beforeAll, describe, expect, it } from 'vitest';
import { flushUsageEvents } from '../../../../../../../../test/support/flush-usage-events';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const collection = () => import('./route');
const item = () => import('./[id]/route');

type Entry = { id: string; time: string; status: number; appSlug: string | null; keyPrefix: string | null; count: number };
type Page = { items: Entry[]; next_cursor: string | null; from: string; to: string };

const now = Date.now();
const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
const requests: { id: string; time: string; status: number }[] = [];

beforeAll(async () => {
  const run = (operation: Parameters<typeof runOperation>[2], input: unknown) => runOperation(t.db, CLI_PRINCIPAL, operation, input);
  await run(createApi, { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published' });
  await run(createTeam, { slug: 'acme', name: 'Acme' });
  await run(createApp, { team: 'acme', slug: 'acme-app', name: 'Acme App' });
  const api = await t.db.api.findUniqueOrThrow({ where: { slug: 'weather' } });
  const app = await t.db.app.findUniqueOrThrow({ where: { slug: 'acme-app' } });
  const key = await t.db.apiKey.create({ data: { appId: app.id, prefix: 'tg_test_acme01', hash: `secret-hash-${randomUUID()}` } });
  for (const [minutesAgo, status] of [[1, 200], [2, 201], [3, 404], [4, 500], [5, 200]] as const) {
    requests.push({ id: `req-${minutesAgo}`, time: at(minutesAgo), status });
  }
  await flushUsageEvents(
    t.url,
    requests.map((request) => ({ ...request, apiId: api.id, routeKey: 'GET /forecast/{city}', appId: app.id, keyId: key.id, latencyMs: 5, units: 1 })),
  );
});

describe('/api/admin/v1/request-log', () => {
  it('lets a viewer read the log newest first, with the key prefix and never its hash', async () => {
    const response = await call((await collection()).GET, 'GET', '/api/admin/v1/request-log', { token: tokens.viewer });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('secret-hash-');
    const page = JSON.parse(text) as Page;
    expect(page.items.map((entry) => entry.id)).toEqual(['req-1', 'req-2', 'req-3', 'req-4', 'req-5']);
    expect(page.items[0]).toMatchObject({ appSlug: 'acme-app', keyPrefix: 'tg_test_acme01', count: 1 });
  });

  it('filters by status class and app, and pages across a boundary with the Link header', async () => {
    const { GET } = await collection();
    const errors = await json<Page>(await call(GET, 'GET', '/api/admin/v1/request-log?status=4xx&app=acme-app', { token: tokens.viewer }));
    expect(errors.items.map((entry) => entry.id)).toEqual(['req-3']);
    const first = await call(GET, 'GET', '/api/admin/v1/request-log?limit=2&status=2xx', { token: tokens.viewer });
    expect((await json<Page>(first)).items.map((entry) => entry.id)).toEqual(['req-1', 'req-2']);
    const link = first.headers.get('link')!;
    expect(link).toContain('status=2xx');
    const second = await json<Page>(await call(GET, 'GET', link.slice(1, link.indexOf('>')), { token: tokens.viewer }));
    expect(second).toMatchObject({ items: [{ id: 'req-5' }], next_cursor: null });
  });

  it('answers 400 invalid_params naming each bad filter', async () => {
    const { GET } = await collection();
    const bad = await call(GET, 'GET', '/api/admin/v1/request-log?status=4x&latencyOverMs=slow&app=Not%20A%20Slug', { token: tokens.viewer });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    const problem = await json<{ code: string; invalid_params: { name: string }[] }>(bad);
    expect(problem.code).toBe('invalid_params');
    expect(problem.invalid_params.map((param) => param.name).sort()).toEqual(['app', 'latencyOverMs', 'status']);
    const wide = await json<{ invalid_params: { name: string }[] }>(await call(GET, 'GET', '/api/admin/v1/request-log?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z', { token: tokens.viewer }));
    expect(wide.invalid_params.map((param) => param.name)).toEqual(['to']);
    const forged = await json<{ invalid_params: { name: string }[] }>(await call(GET, 'GET', '/api/admin/v1/request-log?cursor=bm90LWEtY3Vyc29y', { token: tokens.viewer }));
    expect(forged.invalid_params.map((param) => param.name)).toEqual(['cursor']);
  });

  it('reads one request by id and time; a request that does not exist is 404; time is required', async () => {
    const { GET } = await item();
    const request = requests[2]!;
    const found = await call(GET, 'GET', `/api/admin/v1/request-log/${request.id}?time=${request.time}`, { token: tokens.viewer, params: { id: request.id } });
    expect(found.status).toBe(200);
    expect(await json(found)).toMatchObject({ id: request.id, status: 404, apiName: 'Weather', appName: 'Acme App', teamSlug: 'acme', keyPrefix: 'tg_test_acme01' });
    const nothing = await call(GET, 'GET', `/api/admin/v1/request-log/nothing?time=${request.time}`, { token: tokens.viewer, params: { id: 'nothing' } });
    expect(nothing.status).toBe(404);
    expect(await json(nothing)).toMatchObject({ code: 'not_found' });
    const untimed = await call(GET, 'GET', `/api/admin/v1/request-log/${request.id}`, { token: tokens.viewer, params: { id: request.id } });
    expect(await json(untimed)).toMatchObject({ status: 400, invalid_params: [{ name: 'time' }] });
  });

  it('guards every route: 401 without a valid token, 404 for a request that does not exist', async () => {
    const time = requests[0]!.time;
    await expectRouteGuards({ module: await collection(), path: '/api/admin/v1/request-log' }, tokens);
    await expectRouteGuards(
      { module: await item(), path: `/api/admin/v1/request-log/req-1?time=${time}`, params: { id: 'req-1' }, missing: { path: `/api/admin/v1/request-log/req-404?time=${time}`, params: { id: 'req-404' } } },
      tokens,
    );
  });
});
