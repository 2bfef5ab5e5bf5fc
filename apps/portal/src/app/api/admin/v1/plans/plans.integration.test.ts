import { describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const collection = () => import('./route');
const item = () => import('./[slug]/route');

async function createApis(...slugs: string[]) {
  const apis = await import('../apis/route');
  for (const slug of slugs) await call(apis.POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body: { slug, name: slug, basePath: `/${slug}` } });
}

describe('/api/admin/v1/plans', () => {
  it('creates a plan over APIs, updates only what is sent, lists, filters by API and deletes, auditing each write', async () => {
    await createApis('weather', 'maps');
    const { GET, POST } = await collection();
    const created = await call(POST, 'POST', '/api/admin/v1/plans', {
      token: tokens.admin,
      body: { slug: 'gold', name: 'Gold', apis: ['weather'], rateLimit: { requests: 100, per: 'minute' }, price: { monthlyCents: 4900, currency: 'eur' }, approvalRequired: true },
    });
    expect(created.status).toBe(201);
    const plan = await json<{ id: string }>(created);
    expect(plan).toMatchObject({ apis: ['weather'], rateLimit: { requests: 100, per: 'minute', burst: null }, quota: null, price: { monthlyCents: 4900, currency: 'eur' }, approvalRequired: true });
    const one = await item();
    const params = { slug: 'gold' };
    const read = await call(one.GET, 'GET', '/api/admin/v1/plans/gold', { token: tokens.viewer, params });
    const patched = await call(one.PATCH, 'PATCH', '/api/admin/v1/plans/gold', {
      token: tokens.admin,
      params,
      body: { apis: ['weather', 'maps'], rateLimit: null, quota: { requests: 1000, per: 'month' }, price: { monthlyCents: 5900 } },
      headers: { 'if-match': read.headers.get('etag')! },
    });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({ apis: ['maps', 'weather'], rateLimit: null, quota: { requests: 1000, per: 'month' }, price: { monthlyCents: 5900, currency: 'eur' }, approvalRequired: true });
    const stale = await call(one.PATCH, 'PATCH', '/api/admin/v1/plans/gold', { token: tokens.admin, params, body: { name: 'x' }, headers: { 'if-match': read.headers.get('etag')! } });
    expect(stale.status).toBe(412);
    await call(POST, 'POST', '/api/admin/v1/plans', { token: tokens.admin, body: { slug: 'free', name: 'Free', apis: ['maps'] } });
    const forWeather = await json<{ items: { slug: string }[] }>(await call(GET, 'GET', '/api/admin/v1/plans?api=weather', { token: tokens.viewer }));
    expect(forWeather.items.map((entry) => entry.slug)).toEqual(['gold']);
    expect((await call(one.DELETE, 'DELETE', '/api/admin/v1/plans/gold', { token: tokens.admin, params })).status).toBe(204);
    const audit = await t.db.auditLog.findMany({ where: { resourceId: plan.id }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['plans.create', 'plans.update', 'plans.delete']);
    expect(audit[1]!.after).toMatchObject({ rateLimit: null, price: { monthlyCents: 5900 } });
  });

  it('names an unknown API by its index, bad fields by path, and a taken slug', async () => {
    const { POST } = await collection();
    const unknown = await call(POST, 'POST', '/api/admin/v1/plans', { token: tokens.admin, body: { slug: 'bundle', name: 'Bundle', apis: ['maps', 'nowhere'] } });
    expect(unknown.status).toBe(400);
    expect(await json(unknown)).toMatchObject({ invalid_params: [{ name: 'apis[1]', reason: 'no API with slug "nowhere"' }] });
    expect(await t.db.plan.count({ where: { slug: 'bundle' } })).toBe(0);
    const bad = await call(POST, 'POST', '/api/admin/v1/plans', { token: tokens.admin, body: { slug: 'b', name: 'B', rateLimit: { requests: 0, per: 'week' } } });
    const names = (await json<{ invalid_params: { name: string }[] }>(bad)).invalid_params.map((param) => param.name);
    expect(names).toEqual(expect.arrayContaining(['rateLimit.requests', 'rateLimit.per']));
    const taken = await call(POST, 'POST', '/api/admin/v1/plans', { token: tokens.admin, body: { slug: 'free', name: 'Again' } });
    expect(taken.status).toBe(409);
    expect(await json(taken)).toMatchObject({ invalid_params: [{ name: 'slug' }] });
  });

  it('guards every route', async () => {
    await expectRouteGuards({ module: await collection(), path: '/api/admin/v1/plans', body: { slug: 'guarded', name: 'Guarded' } }, tokens);
    await expectRouteGuards(
      { module: await item(), path: '/api/admin/v1/plans/free', params: { slug: 'free' }, body: { name: 'x' }, missing: { path: '/api/admin/v1/plans/none', params: { slug: 'none' } } },
      tokens,
    );
  });
});
