import { verifyPassword } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const collection = () => import('./route');
const item = () => import('./[id]/route');

describe('/api/admin/v1/admin-users', () => {
  it('an owner adds, renames, promotes and removes admin users; the last owner stays; each write is audited without secrets', async () => {
    const { GET, POST } = await collection();
    const created = await call(POST, 'POST', '/api/admin/v1/admin-users', { token: tokens.owner, body: { email: 'Ada@Example.test', name: 'Ada', password: 'correct horse', role: 'owner' } });
    expect(created.status).toBe(201);
    const ada = await json<{ id: string; email: string }>(created);
    expect(ada).toMatchObject({ email: 'ada@example.test', role: 'owner' });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: ada.id } });
    expect(await verifyPassword('correct horse', row.passwordHash)).toBe(true);
    const one = await item();
    const params = { id: ada.id };
    const lastOwner = await call(one.PATCH, 'PATCH', `/api/admin/v1/admin-users/${ada.id}`, { token: tokens.owner, params, body: { role: 'viewer' } });
    expect(lastOwner.status).toBe(409);
    expect(await json(lastOwner)).toMatchObject({ invalid_params: [{ name: 'role' }] });
    const bob = await json<{ id: string }>(await call(POST, 'POST', '/api/admin/v1/admin-users', { token: tokens.owner, body: { email: 'bob@example.test', name: 'Bob', password: 'another one', role: 'owner' } }));
    const renamed = await call(one.PATCH, 'PATCH', `/api/admin/v1/admin-users/${ada.id}`, { token: tokens.owner, params, body: { name: 'Ada L.', role: 'admin' } });
    expect(await json(renamed)).toMatchObject({ name: 'Ada L.', role: 'admin' });
    const page = await json<{ items: { email: string }[] }>(await call(GET, 'GET', '/api/admin/v1/admin-users', { token: tokens.viewer }));
    expect(page.items.map((entry) => entry.email)).toEqual(['ada@example.test', 'bob@example.test']);
    expect((await call(one.DELETE, 'DELETE', `/api/admin/v1/admin-users/${ada.id}`, { token: tokens.owner, params })).status).toBe(204);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: ada.id } })).role).toBe('developer');
    expect((await call(one.GET, 'GET', `/api/admin/v1/admin-users/${ada.id}`, { token: tokens.viewer, params })).status).toBe(404);
    expect((await call(one.DELETE, 'DELETE', `/api/admin/v1/admin-users/${bob.id}`, { token: tokens.owner, params: { id: bob.id } })).status).toBe(409);
    const audit = await t.db.auditLog.findMany({ where: { resourceId: ada.id }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['admin_users.create', 'admin_users.update', 'admin_users.remove']);
    expect(JSON.stringify(audit.map((entry) => [entry.before, entry.after]))).not.toMatch(/correct horse|passwordHash|\$argon|\$scrypt/);
  });

  it('an admin adds viewers and admins but not owners; a taken email is a 409 naming the field; no password gets a temporary one', async () => {
    const { POST } = await collection();
    const body = { email: 'carol@example.test', name: 'Carol', password: 'long enough' };
    const owner = await call(POST, 'POST', '/api/admin/v1/admin-users', { token: tokens.admin, body: { ...body, role: 'owner' } });
    expect(owner.status).toBe(403);
    expect(await json(owner)).toMatchObject({ code: 'forbidden' });
    expect((await call(POST, 'POST', '/api/admin/v1/admin-users', { token: tokens.admin, body })).status).toBe(201);
    const taken = await call(POST, 'POST', '/api/admin/v1/admin-users', { token: tokens.owner, body });
    expect(taken.status).toBe(409);
    expect(await json(taken)).toMatchObject({ invalid_params: [{ name: 'email' }] });
    const short = await call(POST, 'POST', '/api/admin/v1/admin-users', { token: tokens.owner, body: { ...body, email: 'dan@example.test', password: 'short' } });
    expect(await json(short)).toMatchObject({ status: 400, invalid_params: [{ name: 'password' }] });
    const invited = await call(POST, 'POST', '/api/admin/v1/admin-users', { token: tokens.admin, body: { email: 'erin@example.test', name: 'Erin' } });
    const erin = await json<{ id: string; temporaryPassword: string }>(invited);
    expect(erin.temporaryPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const again = await call((await item()).GET, 'GET', `/api/admin/v1/admin-users/${erin.id}`, { token: tokens.viewer, params: { id: erin.id } });
    expect(await json(again)).not.toHaveProperty('temporaryPassword');
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { resourceId: erin.id } });
    expect(JSON.stringify(audit.after)).not.toContain(erin.temporaryPassword);
  });

  it('guards every route', async () => {
    await expectRouteGuards({ module: await collection(), path: '/api/admin/v1/admin-users', body: { email: 'eve@example.test', name: 'Eve', password: 'long enough' } }, tokens);
    const missing = '00000000-0000-4000-8000-000000000000';
    await expectRouteGuards({ module: await item(), path: `/api/admin/v1/admin-users/${missing}`, params: { id: missing }, body: { name: 'x' }, missing: { path: `/api/admin/v1/admin-users/${missing}`, params: { id: missing } } }, tokens);
  });
});
