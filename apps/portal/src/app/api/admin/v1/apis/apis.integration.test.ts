import { describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const collection = () => import('./route');
const item = () => import('./[slug]/route');
const weather = { slug: 'weather', name: 'Weather', basePath: '/weather', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] } };

describe('/api/admin/v1/apis', () => {
  it('creates, reads with an ETag, updates, lists and deletes an API, with an audit entry per write', async () => {
    const { GET, POST } = await collection();
    const created = await call(POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body: weather });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/admin/v1/apis/weather');
    expect(created.headers.get('x-request-id')).toBeTruthy();
    const api = await json(created);
    const one = await item();
    const read = await call(one.GET, 'GET', '/api/admin/v1/apis/weather', { token: tokens.viewer, params: { slug: 'weather' } });
    expect(read.status).toBe(200);
    expect(await json(read)).toEqual(api);
    const etag = read.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const patched = await call(one.PATCH, 'PATCH', '/api/admin/v1/apis/weather', { token: tokens.admin, params: { slug: 'weather' }, body: { status: 'published' }, headers: { 'if-match': etag } });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({ status: 'published' });
    expect(patched.headers.get('etag')).not.toBe(etag);
    const stale = await call(one.PATCH, 'PATCH', '/api/admin/v1/apis/weather', { token: tokens.admin, params: { slug: 'weather' }, body: { name: 'Late' }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    expect(await json(stale)).toMatchObject({ code: 'precondition_failed' });
    const list = await json<{ items: { slug: string }[] }>(await call(GET, 'GET', '/api/admin/v1/apis', { token: tokens.viewer }));
    expect(list.items.map((entry) => entry.slug)).toEqual(['weather']);
    const deleted = await call(one.DELETE, 'DELETE', '/api/admin/v1/apis/weather', { token: tokens.owner, params: { slug: 'weather' } });
    expect(deleted.status).toBe(204);
    const actions = await t.db.auditLog.findMany({ where: { resourceId: String(api.id) }, orderBy: { id: 'asc' } });
    expect(actions.map((entry) => [entry.action, entry.actorLabel])).toEqual([
      ['apis.create', 'test admin'],
      ['apis.update', 'test admin'],
      ['apis.delete', 'bootstrap'],
    ]);
  });

  it('answers invalid fields with problem+json naming each field, and a duplicate slug with 409', async () => {
    const { POST } = await collection();
    const bad = await call(POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body: { slug: 'Nope!', name: 'x', basePath: 'relative', upstream: { targets: [{ url: 'ftp://x' }] } } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    const problem = await json<{ invalid_params: { name: string }[] }>(bad);
    expect(problem.invalid_params.map((param) => param.name)).toEqual(expect.arrayContaining(['slug', 'basePath', 'upstream.targets[0].url']));
    expect((await call(POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body: { ...weather, slug: 'maps', basePath: '/maps' } })).status).toBe(201);
    const duplicate = await call(POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body: { ...weather, slug: 'maps', basePath: '/maps-2' } });
    expect(duplicate.status).toBe(409);
    expect(await json(duplicate)).toMatchObject({ code: 'conflict', invalid_params: [{ name: 'slug' }] });
    const notJson = await call(POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body: '{"slug":' });
    expect(notJson.status).toBe(400);
    const huge = await call(POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body: { ...weather, description: 'x'.repeat(2 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
  });

  it('pages with a cursor, a next_cursor and a Link header, and caps the page size', async () => {
    const { GET, POST } = await collection();
    for (const slug of ['p-a', 'p-b', 'p-c']) {
      await call(POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body: { slug, name: slug, basePath: `/${slug}` } });
    }
    const first = await call(GET, 'GET', '/api/admin/v1/apis?limit=2&status=draft', { token: tokens.viewer });
    const page = await json<{ items: { slug: string }[]; next_cursor: string }>(first);
    expect(page.items).toHaveLength(2);
    const link = first.headers.get('link')!;
    expect(link).toMatch(/^<\/api\/admin\/v1\/apis\?limit=2&status=draft&cursor=[^>]+>; rel="next"$/);
    const next = await json<{ items: { slug: string }[]; next_cursor: string | null }>(await call(GET, 'GET', link.slice(1, link.indexOf('>')), { token: tokens.viewer }));
    expect([...page.items, ...next.items].map((entry) => entry.slug)).toEqual(['maps', 'p-a', 'p-b', 'p-c']);
    expect(next.next_cursor).toBeNull();
    const tooMany = await call(GET, 'GET', '/api/admin/v1/apis?limit=1000', { token: tokens.viewer });
    expect(tooMany.status).toBe(400);
    expect(await json(tooMany)).toMatchObject({ invalid_params: [{ name: 'limit' }] });
  });

  it('replays the first answer for a repeated Idempotency-Key and refuses the key with another body', async () => {
    const { POST } = await collection();
    const headers = { 'idempotency-key': 'create-orders-1' };
    const body = { slug: 'orders', name: 'Orders', basePath: '/orders' };
    const first = await call(POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body, headers });
    const again = await call(POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(again)).toEqual(await json(first));
    expect(await t.db.api.count({ where: { slug: 'orders' } })).toBe(1);
    const other = await call(POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body: { ...body, name: 'Other' }, headers });
    expect(other.status).toBe(409);
    const withoutKey = await call(POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body });
    expect(withoutKey.status).toBe(409);
    // Keys belong to their caller: another token's same key is a request of its own.
    const otherCaller = await call(POST, 'POST', '/api/admin/v1/apis', { token: tokens.owner, body: { slug: 'orders-eu', name: 'Orders EU', basePath: '/orders-eu' }, headers });
    expect(otherCaller.status).toBe(201);
    expect(otherCaller.headers.get('idempotent-replayed')).toBeNull();
  });

  it('guards every route: 401 without a valid token, 403 for a viewer write, 404 for a missing API', async () => {
    const valid = { slug: 'guarded', name: 'Guarded', basePath: '/guarded' };
    await expectRouteGuards({ module: await collection(), path: '/api/admin/v1/apis', body: valid }, tokens);
    await expectRouteGuards(
      { module: await item(), path: '/api/admin/v1/apis/weather', params: { slug: 'weather' }, body: { name: 'x' }, missing: { path: '/api/admin/v1/apis/nothing-here', params: { slug: 'nothing-here' } } },
      tokens,
    );
  });
});
