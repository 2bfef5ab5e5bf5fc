import { CLI_PRINCIPAL, createApi, createApp, createPlan, createTeam, runOperation } from '@tollgate/operations';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const collection = () => import('./route');
const item = () => import('./[id]/route');
const actions = () => import('./[id]/[action]/route');
const act = async (id: string, action: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) =>
  call((await actions()).POST, 'POST', `/api/admin/v1/subscriptions/${id}/${action}`, { token: options.token ?? tokens.admin, params: { id, action }, body: options.body, headers: options.headers });

beforeAll(async () => {
  const run = (operation: Parameters<typeof runOperation>[2], input: unknown) => runOperation(t.db, CLI_PRINCIPAL, operation, input);
  await run(createApi, { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published' });
  await run(createApi, { slug: 'vault', name: 'Vault', basePath: '/vault', status: 'published', visibility: 'partner' });
  await run(createPlan, { slug: 'free', name: 'Free', apis: ['weather', 'vault'] });
  await run(createPlan, { slug: 'gold', name: 'Gold', apis: ['weather', 'vault'], approvalRequired: true });
  await run(createTeam, { slug: 'acme', name: 'Acme' });
  for (const slug of ['app-1', 'app-2', 'app-3', 'app-4']) await run(createApp, { team: 'acme', slug, name: slug });
});

describe('/api/admin/v1/subscriptions', () => {
  it('creates a pending request, approves it with If-Match, suspends, moves, resets the quota and cancels, with an audit entry per write', async () => {
    const created = await call((await collection()).POST, 'POST', '/api/admin/v1/subscriptions', { token: tokens.admin, body: { app: 'app-1', api: 'weather', plan: 'gold' } });
    expect(created.status).toBe(201);
    const sub = await json<{ id: string; status: string }>(created);
    expect(sub.status).toBe('pending');
    expect(created.headers.get('location')).toBe(`/api/admin/v1/subscriptions/${sub.id}`);
    const read = await call((await item()).GET, 'GET', `/api/admin/v1/subscriptions/${sub.id}`, { token: tokens.viewer, params: { id: sub.id } });
    const etag = read.headers.get('etag')!;
    const approved = await act(sub.id, 'approve', { headers: { 'if-match': etag } });
    expect(approved.status).toBe(200);
    expect(await json(approved)).toMatchObject({ status: 'active' });
    const stale = await act(sub.id, 'suspend', { headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    expect(await json(await act(sub.id, 'suspend', { body: { reason: 'abuse' } }))).toMatchObject({ status: 'suspended', statusReason: 'abuse' });
    expect(await json(await act(sub.id, 'resume'))).toMatchObject({ status: 'active' });
    expect(await json(await act(sub.id, 'move', { body: { plan: 'free' } }))).toMatchObject({ plan: 'free' });
    expect(await json(await act(sub.id, 'reset-quota'))).toMatchObject({ quotaResetAt: expect.any(String) });
    expect(await json(await act(sub.id, 'cancel'))).toMatchObject({ status: 'cancelled' });
    const conflict = await act(sub.id, 'approve');
    expect(conflict.status).toBe(409);
    const entries = await t.db.auditLog.findMany({ where: { resourceId: sub.id }, orderBy: { id: 'asc' } });
    expect(entries.map((entry) => entry.action)).toEqual([
      'subscriptions.create', 'subscriptions.approve', 'subscriptions.suspend', 'subscriptions.resume', 'subscriptions.move', 'subscriptions.reset_quota', 'subscriptions.cancel',
    ]);
    expect(entries.every((entry) => entry.actorLabel === 'test admin')).toBe(true);
  });

  it('names invalid fields: a reject without a reason, a plan that does not cover the API, a partner API for a non-partner team', async () => {
    const { POST } = await collection();
    const pending = await json<{ id: string }>(await call(POST, 'POST', '/api/admin/v1/subscriptions', { token: tokens.admin, body: { app: 'app-2', api: 'weather', plan: 'gold' } }));
    const noReason = await act(pending.id, 'reject', { body: {} });
    expect(noReason.status).toBe(400);
    expect(await json(noReason)).toMatchObject({ code: 'invalid_params', invalid_params: [{ name: 'reason' }] });
    expect(await json(await act(pending.id, 'reject', { body: { reason: 'No use case' } }))).toMatchObject({ status: 'cancelled', statusReason: 'No use case' });
    const partner = await call(POST, 'POST', '/api/admin/v1/subscriptions', { token: tokens.admin, body: { app: 'app-2', api: 'vault', plan: 'free' } });
    expect(partner.status).toBe(400);
    expect(await json(partner)).toMatchObject({ invalid_params: [{ name: 'api', reason: 'is for partners only and team "acme" is not a partner' }] });
    const bad = await call(POST, 'POST', '/api/admin/v1/subscriptions', { token: tokens.admin, body: { app: 'App 2', plan: 3 } });
    expect((await json<{ invalid_params: { name: string }[] }>(bad)).invalid_params.map((param) => param.name).sort()).toEqual(['api', 'app', 'plan']);
  });

  it('lists pending requests first and pages with a cursor', async () => {
    const { GET, POST } = await collection();
    await call(POST, 'POST', '/api/admin/v1/subscriptions', { token: tokens.admin, body: { app: 'app-3', api: 'weather', plan: 'free' } });
    const pending = await json<{ id: string }>(await call(POST, 'POST', '/api/admin/v1/subscriptions', { token: tokens.admin, body: { app: 'app-4', api: 'weather', plan: 'gold' } }));
    const first = await call(GET, 'GET', '/api/admin/v1/subscriptions?limit=1', { token: tokens.viewer });
    expect(await json(first)).toMatchObject({ items: [{ id: pending.id, status: 'pending' }] });
    const seen: string[] = [];
    let path: string | null = '/api/admin/v1/subscriptions?limit=1';
    while (path) {
      const response: Response = await call(GET, 'GET', path, { token: tokens.viewer });
      seen.push(...(await json<{ items: { status: string }[] }>(response)).items.map((entry) => entry.status));
      const link = response.headers.get('link');
      path = link ? link.slice(1, link.indexOf('>')) : null;
    }
    expect(seen).toEqual(['pending', 'active', 'cancelled', 'cancelled']);
  });

  it('guards every route: 401, 403 for a viewer write, 404 for a missing subscription or action', async () => {
    const sub = await t.db.subscription.findFirstOrThrow({ where: { status: 'pending' } });
    const missing = '00000000-0000-4000-8000-000000000000';
    await expectRouteGuards({ module: await collection(), path: '/api/admin/v1/subscriptions', body: { app: 'app-1', api: 'weather', plan: 'free' } }, tokens);
    await expectRouteGuards({ module: await item(), path: `/api/admin/v1/subscriptions/${sub.id}`, params: { id: sub.id }, missing: { path: `/api/admin/v1/subscriptions/${missing}`, params: { id: missing } } }, tokens);
    await expectRouteGuards(
      { module: await actions(), path: `/api/admin/v1/subscriptions/${sub.id}/approve`, params: { id: sub.id, action: 'approve' }, missing: { path: `/api/admin/v1/subscriptions/${missing}/approve`, params: { id: missing, action: 'approve' } } },
      tokens,
    );
    expect((await act(sub.id, 'explode')).status).toBe(404);
  });
});
