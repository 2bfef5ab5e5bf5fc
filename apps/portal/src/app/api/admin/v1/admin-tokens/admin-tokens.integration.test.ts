import { describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const collection = () => import('./route');
const item = () => import('./[id]/route');

describe('/api/admin/v1/admin-tokens', () => {
  it('creates a token that works at once, lists it without its secret, and revokes it', async () => {
    const { GET, POST } = await collection();
    const created = await call(POST, 'POST', '/api/admin/v1/admin-tokens', { token: tokens.admin, body: { name: 'ci', role: 'viewer' } });
    expect(created.status).toBe(201);
    const body = await json<{ id: string; token: string; role: string }>(created);
    expect(body.role).toBe('viewer');
    const withNew = await call(GET, 'GET', '/api/admin/v1/admin-tokens?limit=100', { token: body.token });
    expect(withNew.status).toBe(200);
    const listed = await withNew.text();
    expect(listed).toContain(body.id);
    expect(listed).not.toContain(body.token);
    const one = await item();
    const revoked = await call(one.DELETE, 'DELETE', `/api/admin/v1/admin-tokens/${body.id}`, { token: tokens.admin, params: { id: body.id } });
    expect(revoked.status).toBe(200);
    expect((await json<{ revokedAt: string | null }>(revoked)).revokedAt).not.toBeNull();
    expect((await call(GET, 'GET', '/api/admin/v1/admin-tokens', { token: body.token })).status).toBe(401);
    const audit = await t.db.auditLog.findMany({ where: { resourceId: body.id }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['admin_tokens.create', 'admin_tokens.revoke']);
  });

  it('a replayed creation never shows the token again, and no token rests in the idempotency table', async () => {
    const { POST } = await collection();
    const headers = { 'idempotency-key': 'mint-deploy-token' };
    const first = await call(POST, 'POST', '/api/admin/v1/admin-tokens', { token: tokens.admin, body: { name: 'deploy', role: 'viewer' }, headers });
    const created = await json<{ id: string; token: string }>(first);
    expect(created.token).toMatch(/^tga_/);
    const again = await call(POST, 'POST', '/api/admin/v1/admin-tokens', { token: tokens.admin, body: { name: 'deploy', role: 'viewer' }, headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(again)).toMatchObject({ id: created.id, token: '[shown once]' });
    const stored = await t.db.idempotencyKey.findMany();
    expect(JSON.stringify(stored)).not.toContain(created.token);
  });

  it('an admin cannot mint an owner token', async () => {
    const { POST } = await collection();
    const response = await call(POST, 'POST', '/api/admin/v1/admin-tokens', { token: tokens.admin, body: { name: 'root', role: 'owner' } });
    expect(response.status).toBe(403);
  });

  it('guards every route', async () => {
    await expectRouteGuards({ module: await collection(), path: '/api/admin/v1/admin-tokens', body: { name: 'x', role: 'viewer' } }, tokens);
    const missing = '00000000-0000-4000-8000-000000000000';
    await expectRouteGuards(
      { module: await item(), path: `/api/admin/v1/admin-tokens/${missing}`, params: { id: missing }, missing: { path: `/api/admin/v1/admin-tokens/${missing}`, params: { id: missing } } },
      tokens,
    );
  });
});
