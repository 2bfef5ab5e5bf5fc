import { describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const collection = () => import('./route');
const item = () => import('./[id]/route');
const PATH = '/api/admin/v1/alerts';

async function seedSubscription() {
  const team = await t.db.team.upsert({ where: { slug: 'acme' }, create: { slug: 'acme', name: 'Acme' }, update: {} });
  const app = await t.db.app.upsert({ where: { slug: 'acme-app' }, create: { slug: 'acme-app', name: 'Acme App', teamId: team.id }, update: {} });
  const api = await t.db.api.upsert({ where: { slug: 'weather' }, create: { slug: 'weather', name: 'Weather', basePath: '/weather' }, update: {} });
  const plan = await t.db.plan.upsert({ where: { slug: 'free' }, create: { slug: 'free', name: 'Free', quotaRequests: 1000, quotaPer: 'month' }, update: {} });
  return t.db.subscription.upsert({ where: { appId_apiId: { appId: app.id, apiId: api.id } }, create: { appId: app.id, apiId: api.id, planId: plan.id }, update: {} });
}

describe('/api/admin/v1/alerts', () => {
  it('creates, lists with the state, reads, patches with If-Match (checked as a whole) and deletes, audited', async () => {
    const subscription = await seedSubscription();
    const { GET, POST } = await collection();
    const created = await call(POST, 'POST', PATH, { token: tokens.admin, body: { name: 'Weather errors', metric: 'error_rate', api: 'weather', threshold: 5, mailTo: ['Ops@Example.com'] } });
    expect(created.status).toBe(201);
    const rule = await json<{ id: string }>(created);
    expect(rule).toMatchObject({ name: 'Weather errors', metric: 'error_rate', api: 'weather', subscription: null, threshold: 5, windowMinutes: 5, webhook: true, mailTo: ['ops@example.com'], state: 'ok', firingSince: null });
    expect(created.headers.get('location')).toBe(`${PATH}/${rule.id}`);

    const quota = await json<{ id: string }>(await call(POST, 'POST', PATH, { token: tokens.admin, body: { name: 'Acme near its quota', metric: 'quota_used', subscription: subscription.id, threshold: 90 } }));
    expect(quota).toMatchObject({ consumer: 'acme-app on weather', api: null });

    const list = await json<{ items: { id: string; state: string }[] }>(await call(GET, 'GET', PATH, { token: tokens.viewer }));
    expect(list.items.map((entry) => entry.id).sort()).toEqual([rule.id, quota.id].sort());

    const one = await item();
    const params = { id: rule.id };
    const read = await call(one.GET, 'GET', `${PATH}/${rule.id}`, { token: tokens.viewer, params });
    const etag = read.headers.get('etag')!;
    const patched = await call(one.PATCH, 'PATCH', `${PATH}/${rule.id}`, { token: tokens.admin, params, body: { metric: 'p95_latency', threshold: 800, api: null }, headers: { 'if-match': etag } });
    expect(await json(patched)).toMatchObject({ metric: 'p95_latency', threshold: 800, api: null, name: 'Weather errors' });
    expect((await call(one.PATCH, 'PATCH', `${PATH}/${rule.id}`, { token: tokens.admin, params, body: { threshold: 900 }, headers: { 'if-match': etag } })).status).toBe(412);

    // A quota rule keeps its subscription: removing it is refused, naming the field.
    const broken = await call(one.PATCH, 'PATCH', `${PATH}/${quota.id}`, { token: tokens.admin, params: { id: quota.id }, body: { subscription: null } });
    expect(broken.status).toBe(400);
    expect(await json(broken)).toMatchObject({ code: 'invalid_params', invalid_params: [{ name: 'subscription' }] });

    expect((await call(one.DELETE, 'DELETE', `${PATH}/${rule.id}`, { token: tokens.admin, params })).status).toBe(204);
    const audit = await t.db.auditLog.findMany({ where: { resourceId: rule.id }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['alerts.create', 'alerts.update', 'alerts.delete']);
  });

  it('answers bad rules with problem+json invalid_params and writes nothing', async () => {
    const { POST } = await collection();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ name: '', metric: 'error_rate', threshold: 5 }, ['name']],
      [{ name: 'x', metric: 'error_rate', threshold: 150 }, ['threshold']],
      [{ name: 'x', metric: 'p95_latency', threshold: -1, windowMinutes: 0 }, ['threshold', 'windowMinutes']],
      [{ name: 'x', metric: 'quota_used', threshold: 80 }, ['subscription']],
      [{ name: 'x', metric: 'error_rate', threshold: 5, mailTo: ['not-an-address'] }, ['mailTo[0]']],
      [{ name: 'x', metric: 'error_rate', threshold: 5, api: 'nope' }, ['api']],
      [{ name: 'x', metric: 'quota_used', threshold: 5, subscription: '00000000-0000-4000-8000-000000000000' }, ['subscription']],
      [{ name: 'x', metric: 'apdex', threshold: 5 }, ['metric']],
    ];
    for (const [body, names] of cases) {
      const refused = await call(POST, 'POST', PATH, { token: tokens.admin, body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const problem = await json<{ invalid_params: { name: string }[] }>(refused);
      expect(problem.invalid_params.map((param) => param.name).sort(), JSON.stringify(body)).toEqual(names);
    }
    expect(await t.db.alertRule.count({ where: { name: 'x' } })).toBe(0);
  });

  it('guards every route: 401 without a valid token, 403 for a viewer write, 404 for a missing rule', async () => {
    await expectRouteGuards({ module: await collection(), path: PATH, body: { name: 'x', metric: 'error_rate', threshold: 5 } }, tokens);
    const missing = '00000000-0000-4000-8000-000000000000';
    const gone = { path: `${PATH}/${missing}`, params: { id: missing } };
    await expectRouteGuards({ module: await item(), path: gone.path, params: gone.params, body: { threshold: 5 }, missing: gone }, tokens);
  });
});
