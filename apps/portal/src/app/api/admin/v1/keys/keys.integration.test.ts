import { CLI_PRINCIPAL, createApi, createApp, createPlan, createSubscription, createTeam, runOperation } from '@tollgate/operations';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const collection = () => import('./route');
const item = () => import('./[id]/route');
const revoke = () => import('./[id]/revoke/route');

beforeAll(async () => {
  const run = (operation: Parameters<typeof runOperation>[2], input: unknown) => runOperation(t.db, CLI_PRINCIPAL, operation, input);
  await run(createApi, { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published' });
  await run(createPlan, { slug: 'free', name: 'Free', apis: ['weather'] });
  await run(createTeam, { slug: 'acme', name: 'Acme' });
  await run(createApp, { team: 'acme', slug: 'acme-app', name: 'Acme App' });
  await run(createSubscription, { app: 'acme-app', api: 'weather', plan: 'free' });
});

describe('/api/admin/v1/keys', () => {
  it('creates a key shown once, lists it without the secret, revokes it with a key-only config change, with audit entries', async () => {
    const created = await call((await collection()).POST, 'POST', '/api/admin/v1/keys', { token: tokens.admin, body: { app: 'acme-app', name: 'ci', scopes: ['weather'] } });
    expect(created.status).toBe(201);
    const key = await json<{ id: string; key: string; prefix: string }>(created);
    expect(key.key.startsWith(key.prefix)).toBe(true);
    const list = await call((await collection()).GET, 'GET', '/api/admin/v1/keys?app=acme-app', { token: tokens.viewer });
    const text = await list.text();
    expect(text).toContain(key.prefix);
    expect(text).not.toContain(key.key);
    expect(text).not.toContain('"hash"');
    const read = await call((await item()).GET, 'GET', `/api/admin/v1/keys/${key.id}`, { token: tokens.viewer, params: { id: key.id } });
    expect(await json(read)).toMatchObject({ id: key.id, state: 'active', lastUsedAt: null });
    const etag = read.headers.get('etag')!;
    const revision = (await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;
    const revoked = await call((await revoke()).POST, 'POST', `/api/admin/v1/keys/${key.id}/revoke`, { token: tokens.admin, params: { id: key.id }, headers: { 'if-match': etag } });
    expect(revoked.status).toBe(200);
    expect(await json(revoked)).toMatchObject({ state: 'revoked' });
    expect(await t.db.configChange.findMany({ where: { revision: { gt: revision } }, select: { entityType: true, entityId: true } })).toEqual([{ entityType: 'key', entityId: key.id }]);
    const stale = await call((await revoke()).POST, 'POST', `/api/admin/v1/keys/${key.id}/revoke`, { token: tokens.admin, params: { id: key.id }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    const entries = await t.db.auditLog.findMany({ where: { resourceId: key.id }, orderBy: { id: 'asc' } });
    expect(entries.map((entry) => [entry.action, entry.actorLabel])).toEqual([['keys.create', 'test admin'], ['keys.revoke', 'test admin']]);
    expect(JSON.stringify(entries.map((entry) => [entry.before, entry.after]))).not.toContain(key.key);
  });

  it('names invalid fields and pages newest first', async () => {
    const { GET, POST } = await collection();
    const bad = await call(POST, 'POST', '/api/admin/v1/keys', { token: tokens.admin, body: { app: 'acme-app', environment: 'prod', scopes: ['maps'], expiresAt: 'tomorrow' } });
    expect((await json<{ invalid_params: { name: string }[] }>(bad)).invalid_params.map((param) => param.name).sort()).toEqual(['environment', 'expiresAt']);
    const scope = await call(POST, 'POST', '/api/admin/v1/keys', { token: tokens.admin, body: { app: 'acme-app', scopes: ['weather', 'maps'] } });
    expect(await json(scope)).toMatchObject({ status: 400, invalid_params: [{ name: 'scopes[1]' }] });
    for (const name of ['k1', 'k2', 'k3']) await call(POST, 'POST', '/api/admin/v1/keys', { token: tokens.admin, body: { app: 'acme-app', name } });
    const first = await call(GET, 'GET', '/api/admin/v1/keys?limit=2&state=active', { token: tokens.viewer });
    expect((await json<{ items: { name: string }[] }>(first)).items.map((entry) => entry.name)).toEqual(['k3', 'k2']);
    const link = first.headers.get('link')!;
    const next = await json<{ items: { name: string }[]; next_cursor: string | null }>(await call(GET, 'GET', link.slice(1, link.indexOf('>')), { token: tokens.viewer }));
    expect(next).toMatchObject({ items: [{ name: 'k1' }], next_cursor: null });
  });

  it('guards every route: 401, 403 for a viewer write, 404 for a missing or malformed id', async () => {
    const key = await t.db.apiKey.findFirstOrThrow({ where: { revokedAt: null } });
    const missing = '00000000-0000-4000-8000-000000000000';
    await expectRouteGuards({ module: await collection(), path: '/api/admin/v1/keys', body: { app: 'acme-app' } }, tokens);
    await expectRouteGuards({ module: await item(), path: `/api/admin/v1/keys/${key.id}`, params: { id: key.id }, body: { excludedFromAnalytics: true }, missing: { path: '/api/admin/v1/keys/not-a-key', params: { id: 'not-a-key' } } }, tokens);
    await expectRouteGuards({ module: await revoke(), path: `/api/admin/v1/keys/${key.id}/revoke`, params: { id: key.id }, missing: { path: `/api/admin/v1/keys/${missing}/revoke`, params: { id: missing } } }, tokens);
  });
});
