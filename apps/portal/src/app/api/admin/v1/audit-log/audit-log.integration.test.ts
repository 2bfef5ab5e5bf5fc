import { describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { tokens } = useAdminApi();
type Page = { items: { action: string; actor: { label: string }; resourceId: string | null; ip: string | null }[]; next_cursor: string | null };

describe('/api/admin/v1/audit-log', () => {
  it('lists writes newest first, filtered by actor, resource and time, in pages', async () => {
    const apis = await import('../apis/route');
    const started = new Date().toISOString();
    for (const slug of ['a-one', 'a-two']) {
      const response = await call(apis.POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body: { slug, name: slug, basePath: `/${slug}` }, headers: { 'x-forwarded-for': '192.0.2.44' } });
      expect(response.status).toBe(201);
    }
    await call(apis.POST, 'POST', '/api/admin/v1/apis', { token: tokens.owner, body: { slug: 'a-three', name: 'three', basePath: '/a-three' } });
    const { GET } = await import('./route');
    const all = await json<Page>(await call(GET, 'GET', `/api/admin/v1/audit-log?resourceType=api&from=${encodeURIComponent(started)}`, { token: tokens.viewer }));
    expect(all.items.map((item) => item.actor.label)).toEqual(['bootstrap', 'test admin', 'test admin']);
    expect(all.items[1]).toMatchObject({ action: 'apis.create', ip: '192.0.2.44' });
    const byActor = await json<Page>(await call(GET, 'GET', '/api/admin/v1/audit-log?actor=bootstrap', { token: tokens.viewer }));
    expect(byActor.items).toHaveLength(1);
    const one = await json<Page>(await call(GET, 'GET', `/api/admin/v1/audit-log?resourceId=${all.items[2]!.resourceId}`, { token: tokens.viewer }));
    expect(one.items).toHaveLength(1);
    const first = await json<Page>(await call(GET, 'GET', '/api/admin/v1/audit-log?resourceType=api&limit=2', { token: tokens.viewer }));
    expect(first.items).toHaveLength(2);
    const second = await json<Page>(await call(GET, 'GET', `/api/admin/v1/audit-log?resourceType=api&limit=2&cursor=${first.next_cursor}`, { token: tokens.viewer }));
    expect(second).toMatchObject({ items: [{ resourceId: all.items[2]!.resourceId }], next_cursor: null });
    const future = await json<Page>(await call(GET, 'GET', '/api/admin/v1/audit-log?from=2999-01-01T00:00:00Z', { token: tokens.viewer }));
    expect(future.items).toEqual([]);
    const bad = await call(GET, 'GET', '/api/admin/v1/audit-log?from=yesterday', { token: tokens.viewer });
    expect(await json(bad)).toMatchObject({ status: 400, invalid_params: [{ name: 'from' }] });
  });

  it('guards the route', async () => {
    await expectRouteGuards({ module: await import('./route'), path: '/api/admin/v1/audit-log' }, tokens);
  });
});
