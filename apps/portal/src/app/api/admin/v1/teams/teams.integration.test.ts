import { describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const teams = () => import('./route');
const team = () => import('./[slug]/route');
const apps = () => import('../apps/route');
const app = () => import('../apps/[slug]/route');

describe('/api/admin/v1/teams and /apps', () => {
  it('creates, reads with an ETag, updates with If-Match (412 when stale), lists and deletes, with an audit entry per write', async () => {
    const created = await call((await teams()).POST, 'POST', '/api/admin/v1/teams', { token: tokens.admin, body: { slug: 'acme', name: 'Acme' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/admin/v1/teams/acme');
    const body = await json(created);
    expect(body).toMatchObject({ slug: 'acme', partner: false });
    const one = await team();
    const read = await call(one.GET, 'GET', '/api/admin/v1/teams/acme', { token: tokens.viewer, params: { slug: 'acme' } });
    const etag = read.headers.get('etag')!;
    const patched = await call(one.PATCH, 'PATCH', '/api/admin/v1/teams/acme', { token: tokens.admin, params: { slug: 'acme' }, body: { partner: true }, headers: { 'if-match': etag } });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({ partner: true });
    const stale = await call(one.PATCH, 'PATCH', '/api/admin/v1/teams/acme', { token: tokens.admin, params: { slug: 'acme' }, body: { name: 'Late' }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    const appCreated = await call((await apps()).POST, 'POST', '/api/admin/v1/apps', { token: tokens.admin, body: { team: 'acme', slug: 'acme-app', name: 'Acme App' } });
    expect(appCreated.status).toBe(201);
    const appBody = await json(appCreated);
    const listed = await json<{ items: { slug: string }[] }>(await call((await apps()).GET, 'GET', '/api/admin/v1/apps?team=acme', { token: tokens.viewer }));
    expect(listed.items.map((item) => item.slug)).toEqual(['acme-app']);
    const busy = await call(one.DELETE, 'DELETE', '/api/admin/v1/teams/acme', { token: tokens.admin, params: { slug: 'acme' } });
    expect(busy.status).toBe(409);
    expect((await call((await app()).DELETE, 'DELETE', '/api/admin/v1/apps/acme-app', { token: tokens.admin, params: { slug: 'acme-app' } })).status).toBe(204);
    expect((await call(one.DELETE, 'DELETE', '/api/admin/v1/teams/acme', { token: tokens.owner, params: { slug: 'acme' } })).status).toBe(204);
    const entries = await t.db.auditLog.findMany({ where: { resourceId: { in: [String(body.id), String(appBody.id)] } }, orderBy: { id: 'asc' } });
    expect(entries.map((entry) => [entry.action, entry.actorLabel])).toEqual([
      ['teams.create', 'test admin'],
      ['teams.update', 'test admin'],
      ['apps.create', 'test admin'],
      ['apps.delete', 'test admin'],
      ['teams.delete', 'bootstrap'],
    ]);
  });

  it('names invalid fields, a duplicate slug and an unknown team', async () => {
    const { POST } = await teams();
    const bad = await call(POST, 'POST', '/api/admin/v1/teams', { token: tokens.admin, body: { slug: 'Not OK', name: '', partner: 'yes' } });
    expect(bad.status).toBe(400);
    expect((await json<{ invalid_params: { name: string }[] }>(bad)).invalid_params.map((param) => param.name).sort()).toEqual(['name', 'partner', 'slug']);
    await call(POST, 'POST', '/api/admin/v1/teams', { token: tokens.admin, body: { slug: 'beta', name: 'Beta' } });
    expect(await json(await call(POST, 'POST', '/api/admin/v1/teams', { token: tokens.admin, body: { slug: 'beta', name: 'Beta' } }))).toMatchObject({ code: 'conflict', invalid_params: [{ name: 'slug' }] });
    const orphan = await call((await apps()).POST, 'POST', '/api/admin/v1/apps', { token: tokens.admin, body: { team: 'ghost', slug: 'x', name: 'X' } });
    expect(await json(orphan)).toMatchObject({ status: 400, invalid_params: [{ name: 'team' }] });
  });

  it('pages teams with a cursor and a Link header', async () => {
    const { GET, POST } = await teams();
    for (const slug of ['t-a', 't-b', 't-c']) await call(POST, 'POST', '/api/admin/v1/teams', { token: tokens.admin, body: { slug, name: slug } });
    const first = await call(GET, 'GET', '/api/admin/v1/teams?limit=2&q=t-', { token: tokens.viewer });
    const link = first.headers.get('link')!;
    expect((await json<{ items: { slug: string }[] }>(first)).items.map((item) => item.slug)).toEqual(['t-a', 't-b']);
    const next = await json<{ items: { slug: string }[]; next_cursor: null }>(await call(GET, 'GET', link.slice(1, link.indexOf('>')), { token: tokens.viewer }));
    expect(next).toEqual({ items: [expect.objectContaining({ slug: 't-c' })], next_cursor: null });
  });

  it('guards every route: 401, 403 for a viewer write, 404 for what does not exist', async () => {
    await call((await teams()).POST, 'POST', '/api/admin/v1/teams', { token: tokens.admin, body: { slug: 'guarded', name: 'Guarded' } });
    await call((await apps()).POST, 'POST', '/api/admin/v1/apps', { token: tokens.admin, body: { team: 'guarded', slug: 'guarded-app', name: 'G' } });
    await expectRouteGuards({ module: await teams(), path: '/api/admin/v1/teams', body: { slug: 'guard-new', name: 'New' } }, tokens);
    await expectRouteGuards({ module: await team(), path: '/api/admin/v1/teams/guarded', params: { slug: 'guarded' }, body: { name: 'x' }, missing: { path: '/api/admin/v1/teams/nope', params: { slug: 'nope' } } }, tokens);
    await expectRouteGuards({ module: await apps(), path: '/api/admin/v1/apps', body: { team: 'guarded', slug: 'guard-app-2', name: 'x' } }, tokens);
    await expectRouteGuards({ module: await app(), path: '/api/admin/v1/apps/guarded-app', params: { slug: 'guarded-app' }, body: { name: 'x' }, missing: { path: '/api/admin/v1/apps/nope', params: { slug: 'nope' } } }, tokens);
  });
});
