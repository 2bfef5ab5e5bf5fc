import { describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const collection = () => import('./route');
const item = () => import('./[routeId]/route');
const base = '/api/admin/v1/apis/weather/routes';
const revision = async () => (await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;

async function createWeather() {
  const apis = await import('../../route');
  await call(apis.POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body: { slug: 'weather', name: 'Weather', basePath: '/weather' } });
}

describe('/api/admin/v1/apis/{slug}/routes', () => {
  it('creates, reads, updates, lists and deletes routes; each write bumps the config revision and is audited', async () => {
    await createWeather();
    const { GET, POST } = await collection();
    const before = await revision();
    const created = await call(POST, 'POST', base, { token: tokens.admin, params: { slug: 'weather' }, body: { path: '/forecast/{city}', methods: ['HEAD', 'GET'], auth: 'none', timeoutMs: 2000 } });
    expect(created.status).toBe(201);
    const route = await json<{ id: string; key: string; policies: Record<string, unknown> }>(created);
    expect(route).toMatchObject({ key: 'GET,HEAD /forecast/{city}', auth: 'none', policies: { timeoutMs: 2000 } });
    expect(await revision()).toBe(before + 1n);
    const one = await item();
    const params = { slug: 'weather', routeId: route.id };
    const read = await call(one.GET, 'GET', `${base}/${route.id}`, { token: tokens.viewer, params });
    const patched = await call(one.PATCH, 'PATCH', `${base}/${route.id}`, { token: tokens.admin, params, body: { weight: 3 }, headers: { 'if-match': read.headers.get('etag')! } });
    expect(patched.status).toBe(200);
    // What the PATCH leaves out stays as stored, not the create defaults.
    expect(await json(patched)).toMatchObject({ auth: 'none', methods: ['GET', 'HEAD'], weight: 3, policies: { timeoutMs: 2000 } });
    // A null removes an optional policy (JSON merge patch); the others stay.
    const cleared = await call(one.PATCH, 'PATCH', `${base}/${route.id}`, { token: tokens.admin, params, body: { timeoutMs: null } });
    expect(cleared.status).toBe(200);
    expect((await json(cleared)).policies).not.toHaveProperty('timeoutMs');
    const stale = await call(one.PATCH, 'PATCH', `${base}/${route.id}`, { token: tokens.admin, params, body: { weight: 4 }, headers: { 'if-match': read.headers.get('etag')! } });
    expect(stale.status).toBe(412);
    await call(POST, 'POST', base, { token: tokens.admin, params: { slug: 'weather' }, body: { path: '/alerts', methods: ['GET', 'POST'] } });
    const page = await json<{ items: { key: string }[] }>(await call(GET, 'GET', base, { token: tokens.viewer, params: { slug: 'weather' } }));
    expect(page.items.map((entry) => entry.key)).toEqual(['GET,HEAD /forecast/{city}', 'GET,POST /alerts']);
    expect((await call(one.DELETE, 'DELETE', `${base}/${route.id}`, { token: tokens.admin, params })).status).toBe(204);
    expect((await call(one.GET, 'GET', `${base}/${route.id}`, { token: tokens.viewer, params })).status).toBe(404);
    const audit = await t.db.auditLog.findMany({ where: { resourceId: route.id }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['routes.create', 'routes.update', 'routes.update', 'routes.delete']);
  });

  it('names bad fields and a duplicate route', async () => {
    const { POST } = await collection();
    const bad = await call(POST, 'POST', base, { token: tokens.admin, params: { slug: 'weather' }, body: { path: '/a/{open', methods: ['FETCH'] } });
    expect(bad.status).toBe(400);
    const names = (await json<{ invalid_params: { name: string }[] }>(bad)).invalid_params.map((param) => param.name);
    expect(names).toEqual(expect.arrayContaining(['path', 'methods[0]']));
    const duplicate = await call(POST, 'POST', base, { token: tokens.admin, params: { slug: 'weather' }, body: { path: '/alerts', methods: ['POST', 'GET'] } });
    expect(duplicate.status).toBe(409);
    expect(await json(duplicate)).toMatchObject({ invalid_params: [{ name: 'path' }] });
  });

  it('guards every route; a route id of another API is 404', async () => {
    const body = { path: '/guarded', methods: ['GET'] };
    await expectRouteGuards({ module: await collection(), path: base, params: { slug: 'weather' }, body, missing: { path: '/api/admin/v1/apis/nope/routes', params: { slug: 'nope' } } }, tokens);
    const other = '00000000-0000-4000-8000-000000000000';
    await expectRouteGuards(
      { module: await item(), path: `${base}/${other}`, params: { slug: 'weather', routeId: other }, body: { weight: 2 }, missing: { path: `${base}/${other}`, params: { slug: 'weather', routeId: other } } },
      tokens,
    );
  });
});
