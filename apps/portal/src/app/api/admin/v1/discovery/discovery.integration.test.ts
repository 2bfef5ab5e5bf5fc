import { CLI_PRINCIPAL, createApi, recordObservations, runOperation, type DiscoveryObservation } from '@tollgate/operations';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const collection = () => import('./route');
const item = () => import('./[id]/route');
const actions = () => import('./[id]/[action]/route');
const summary = () => import('./summary/route');
const BASE = '/api/admin/v1/discovery';
const MISSING = '00000000-0000-4000-8000-000000000000';

type Endpoint = { id: string; method: string; path: string; kind: string; hits: number; blocked: number | null; ignored: boolean; promoted: boolean; flags: string[] };
type Page = { items: Endpoint[]; next_cursor: string | null };
type Problem = { status: number; code: string; invalid_params?: { name: string }[] };

const today = new Date();
const seen = (method: string, template: string, hits: number, extra: Partial<DiscoveryObservation> = {}): DiscoveryObservation => ({
  host: '',
  method,
  template,
  hits,
  statuses: { 200: hits },
  consumers: ['10.0.0.1'],
  credentialsSeen: false,
  unauthenticatedHits: hits,
  firstSeenAt: today,
  lastSeenAt: today,
  samples: { [template]: hits },
  source: 'gateway',
  ...extra,
});

const list = async (query = '') => json<Page>(await call((await collection()).GET, 'GET', `${BASE}${query}`, { token: tokens.viewer }));
const byPath = async (path: string, query = '?status=active') => (await list(query)).items.find((endpoint) => endpoint.path === path)!;
const act = async (id: string, action: string, body?: unknown, token = tokens.admin) => call((await actions()).POST, 'POST', `${BASE}/${id}/${action}`, { token, params: { id, action }, body });

beforeAll(async () => {
  await runOperation(t.db, CLI_PRINCIPAL, createApi, { slug: 'shop', name: 'Shop', basePath: '/shop', status: 'published' });
  await t.db.$transaction((tx) =>
    recordObservations(tx, [
      seen('GET', '/shop/orders/{id}', 40),
      seen('DELETE', '/shop/orders/{id}', 3),
      seen('GET', '/internal/debug', 12),
      seen('POST', '/internal/flush', 5),
      seen('GET', '/tenants/{id}', 9, { samples: { '/tenants/100': 6, '/tenants/200': 3 } }),
      seen('GET', '/legacy/items/{id}', 2),
      seen('GET', '/items/{id}', 7),
    ]),
  );
});

describe('/api/admin/v1/discovery', () => {
  it('lists the inventory most hits first, with the filters kind, method, search and status, and pages with Link', async () => {
    const all = await list();
    expect(all.items.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual([
      'GET /shop/orders/{id}',
      'GET /internal/debug',
      'GET /tenants/{id}',
      'GET /items/{id}',
      'POST /internal/flush',
      'DELETE /shop/orders/{id}',
      'GET /legacy/items/{id}',
    ]);
    expect(all.items[0]).toMatchObject({ kind: 'shadow', hits: 40, flags: ['unauthenticated-shadow'], blocked: null });
    expect((await list('?method=post')).items.map((endpoint) => endpoint.path)).toEqual(['/internal/flush']);
    expect((await list('?search=INTERNAL&method=GET')).items.map((endpoint) => endpoint.path)).toEqual(['/internal/debug']);
    expect((await list('?kind=orphan')).items).toEqual([]);
    const first = await call((await collection()).GET, 'GET', `${BASE}?limit=3&search=s`, { token: tokens.viewer });
    const page = await json<Page>(first);
    expect(page.items.map((endpoint) => endpoint.path)).toEqual(['/shop/orders/{id}', '/tenants/{id}', '/items/{id}']);
    const link = first.headers.get('link')!;
    expect(link).toContain('search=s');
    const second = await json<Page>(await call((await collection()).GET, 'GET', link.slice(1, link.indexOf('>')), { token: tokens.viewer }));
    expect(second.items.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual(['POST /internal/flush', 'DELETE /shop/orders/{id}', 'GET /legacy/items/{id}']);
    expect(second.next_cursor).toBeNull();
  });

  it('answers 400 invalid_params naming each bad filter', async () => {
    const response = await call((await collection()).GET, 'GET', `${BASE}?kind=ghost&method=G3T&status=gone&limit=0&colour=red`, { token: tokens.viewer });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await json<Problem>(response);
    expect(problem.code).toBe('invalid_params');
    expect(problem.invalid_params!.map((param) => param.name).sort()).toEqual(['(root)', 'kind', 'limit', 'method', 'status'].sort());
    const forged = await json<Problem>(await call((await collection()).GET, 'GET', `${BASE}?cursor=bm9wZQ`, { token: tokens.viewer }));
    expect(forged.invalid_params!.map((param) => param.name)).toEqual(['cursor']);
  });

  it('reads one endpoint; an unknown id is 404 and a malformed one 400', async () => {
    const { GET } = await item();
    const debug = await byPath('/internal/debug');
    const one = await call(GET, 'GET', `${BASE}/${debug.id}`, { token: tokens.viewer, params: { id: debug.id } });
    expect(one.status).toBe(200);
    expect(await json(one)).toMatchObject({ id: debug.id, method: 'GET', path: '/internal/debug', kind: 'shadow', hits: 12 });
    const missing = await call(GET, 'GET', `${BASE}/${MISSING}`, { token: tokens.viewer, params: { id: MISSING } });
    expect(await json(missing)).toMatchObject({ status: 404, code: 'not_found' });
    const malformed = await call(GET, 'GET', `${BASE}/nope`, { token: tokens.viewer, params: { id: 'nope' } });
    expect(await json(malformed)).toMatchObject({ status: 400, invalid_params: [{ name: 'id' }] });
  });

  it('blocks with 404 or 410 (refusing other statuses), bumps the config revision, and status=blocked finds it', async () => {
    const debug = await byPath('/internal/debug');
    const bad = await act(debug.id, 'block', { status: 500 });
    expect(bad.status).toBe(400);
    expect((await json<Problem>(bad)).invalid_params!.map((param) => param.name)).toEqual(['status']);
    const before = (await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;
    const blocked = await act(debug.id, 'block', { status: 404 });
    expect(blocked.status).toBe(200);
    expect(await json(blocked)).toMatchObject({ id: debug.id, blocked: 404 });
    expect((await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision).toBe(before + 1n);
    expect((await list('?status=blocked')).items.map((endpoint) => endpoint.path)).toEqual(['/internal/debug']);
    expect((await list('?status=active')).items.map((endpoint) => endpoint.path)).not.toContain('/internal/debug');
  });

  it('ignores, promotes to the catalog, splits and merges; unknown actions are 404', async () => {
    const flush = await byPath('/internal/flush');
    expect(await json(await act(flush.id, 'ignore'))).toMatchObject({ ignored: true });
    expect((await list('?status=ignored')).items.map((endpoint) => endpoint.path)).toEqual(['/internal/flush']);

    const orders = await byPath('/shop/orders/{id}');
    const promoted = await act(orders.id, 'promote', { auth: 'none' });
    expect(promoted.status).toBe(200);
    expect(await json(promoted)).toMatchObject({ api: 'shop', route: { path: '/orders/{id}', methods: ['GET'], auth: 'none' } });
    expect((await list('?status=promoted')).items.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual(['GET /shop/orders/{id}']);

    const tenants = await byPath('/tenants/{id}');
    const split = await json<{ literals: string[] }>(await act(tenants.id, 'split'));
    expect(split.literals.sort()).toEqual(['/tenants/100', '/tenants/200']);
    const literal = await act((await byPath('/tenants/100')).id, 'split');
    expect((await json<Problem>(literal)).invalid_params!.map((param) => param.name)).toEqual(['id']);

    const legacy = await byPath('/legacy/items/{id}');
    const items = await byPath('/items/{id}');
    expect(await json(await act(legacy.id, 'merge', { into: items.id }))).toMatchObject({ template: '/legacy/items/{id}', into: '/items/{id}', rows: 1 });
    expect((await byPath('/items/{id}')).hits).toBe(9);
    const intoNothing = await act(items.id, 'merge', {});
    expect((await json<Problem>(intoNothing)).invalid_params!.map((param) => param.name)).toEqual(['into']);

    const unknown = await act(items.id, 'delete');
    expect(await json(unknown)).toMatchObject({ status: 404, code: 'not_found' });
    const audit = await t.db.auditLog.findMany({ where: { resourceType: 'discovered_endpoint' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['discovery.block', 'discovery.ignore', 'discovery.promote', 'discovery.split', 'discovery.merge']);
  });

  it('counts each kind and the endpoints first seen per day', async () => {
    const response = await call((await summary()).GET, 'GET', `${BASE}/summary?days=7`, { token: tokens.viewer });
    expect(response.status).toBe(200);
    const body = await json<{ counts: Record<string, number>; newPerDay: { day: string; shadow: number }[] }>(response);
    const active = await list('?limit=100');
    expect(body.counts.shadow).toBe(active.items.filter((endpoint) => endpoint.kind === 'shadow').length);
    expect(body.counts).toMatchObject({ zombie: 0, 'undocumented-method': 0, orphan: 0 });
    expect(body.newPerDay).toHaveLength(7);
    expect(body.newPerDay.at(-1)).toMatchObject({ day: today.toISOString().slice(0, 10) });
    const stored = await t.db.discoveredEndpoint.count({ where: { kind: 'shadow' } });
    expect(body.newPerDay.at(-1)!.shadow).toBe(stored);
    const bad = await json<Problem>(await call((await summary()).GET, 'GET', `${BASE}/summary?days=0`, { token: tokens.viewer }));
    expect(bad.invalid_params!.map((param) => param.name)).toEqual(['days']);
  });

  it('guards every route: 401 without a valid token, 403 for a viewer writing, 404 for an endpoint that does not exist', async () => {
    const items = await byPath('/items/{id}');
    await expectRouteGuards({ module: await collection(), path: BASE }, tokens);
    await expectRouteGuards({ module: await summary(), path: `${BASE}/summary` }, tokens);
    await expectRouteGuards({ module: await item(), path: `${BASE}/${items.id}`, params: { id: items.id }, missing: { path: `${BASE}/${MISSING}`, params: { id: MISSING } } }, tokens);
    await expectRouteGuards(
      { module: await actions(), path: `${BASE}/${items.id}/block`, params: { id: items.id, action: 'block' }, body: { status: 410 }, missing: { path: `${BASE}/${MISSING}/block`, params: { id: MISSING, action: 'block' } } },
      tokens,
    );
  });

  it('is in the OpenAPI document', async () => {
    const { GET } = await import('../openapi.json/route');
    const document = await json<{ paths: Record<string, unknown> }>(await call(GET, 'GET', '/api/admin/v1/openapi.json'));
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/discovery', '/discovery/summary', '/discovery/{id}', '/discovery/{id}/promote', '/discovery/{id}/block', '/discovery/{id}/ignore', '/discovery/{id}/split', '/discovery/{id}/merge']));
  });
});
