// An API's upstream through the admin API: read, replace with versions and a traffic split,
// refused naming the field, and guarded by If-Match against a stale write.
import { describe, expect, it } from 'vitest';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const path = '/api/admin/v1/apis/shop/upstream';
const params = { slug: 'shop' };
const targets = [
  { url: 'http://127.0.0.1:4010', weight: 1, version: 'stable' },
  { url: 'http://127.0.0.2:4010', weight: 1, version: 'canary' },
];
const split = { weights: { stable: 95, canary: 5 }, rules: [{ plans: ['partner'], version: 'canary' }], sticky: 'consumer' };

describe('the upstream in the admin API', () => {
  it('is a 404 before the API has one, then PUT creates it and GET reads it back with an ETag', async () => {
    const apis = await import('../../route');
    await call(apis.POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body: { slug: 'shop', name: 'Shop', basePath: '/shop' } });
    const { GET, PUT } = await import('./route');
    const missing = await call(GET, 'GET', path, { token: tokens.viewer, params });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');

    const put = await call(PUT, 'PUT', path, { token: tokens.admin, params, body: { targets, loadBalancing: 'weighted', split } });
    expect(put.status).toBe(200);
    expect(await json(put)).toMatchObject({ loadBalancing: 'weighted', targets, split, health: [] });
    const read = await call(GET, 'GET', path, { token: tokens.viewer, params });
    expect(read.headers.get('etag')).toBe(put.headers.get('etag'));
    expect(await json(read)).toMatchObject({ targets, split: { weights: { stable: 95, canary: 5 } } });
    expect((await t.db.upstreamTarget.findMany({ orderBy: { url: 'asc' } })).map((target) => target.version)).toEqual(['stable', 'canary']);
  });

  it('keeps its ETag while the targets health changes, and refuses a write with a stale one (412)', async () => {
    const { GET, PUT } = await import('./route');
    const before = (await call(GET, 'GET', path, { token: tokens.viewer, params })).headers.get('etag')!;
    await t.db.gatewayInstance.create({ data: { id: 'gw-1', hostname: 'gw-1', version: 'test', configRevision: 1n, status: { targets: [{ api: 'shop', url: targets[0]!.url, healthy: false, inFlight: 3 }] } } });
    const withHealth = await call(GET, 'GET', path, { token: tokens.viewer, params });
    expect(await json(withHealth)).toMatchObject({ health: [{ gateway: 'gw-1', url: targets[0]!.url, healthy: false, inFlight: 3 }] });
    expect(withHealth.headers.get('etag')).toBe(before);

    const changed = await call(PUT, 'PUT', path, { token: tokens.admin, params, headers: { 'if-match': before }, body: { targets } });
    expect(changed.status).toBe(200);
    expect(await json(changed)).not.toHaveProperty('split');
    const stale = await call(PUT, 'PUT', path, { token: tokens.admin, params, headers: { 'if-match': before }, body: { targets, split } });
    expect(stale.status).toBe(412);
    expect(await json(stale)).toMatchObject({ code: 'precondition_failed' });
  });

  it('refuses a split that does not sum to 100 or names an unknown version, naming the field, and a viewer may not write', async () => {
    const { GET, PUT } = await import('./route');
    const before = await json(await call(GET, 'GET', path, { token: tokens.viewer, params }));
    const sum = await call(PUT, 'PUT', path, { token: tokens.admin, params, body: { targets, split: { weights: { stable: 90, canary: 5 } } } });
    expect(sum.status).toBe(400);
    expect(await json(sum)).toMatchObject({ code: 'invalid_params', invalid_params: [{ name: 'split.weights', reason: 'must sum to 100 (they sum to 95)' }] });
    const unknown = await call(PUT, 'PUT', path, { token: tokens.admin, params, body: { targets, split: { weights: { stable: 95, beta: 5 } } } });
    expect(await json(unknown)).toMatchObject({ invalid_params: [{ name: 'split.weights.beta' }] });
    const viewer = await call(PUT, 'PUT', path, { token: tokens.viewer, params, body: { targets } });
    expect(viewer.status).toBe(403);
    expect(await json(await call(GET, 'GET', path, { token: tokens.viewer, params }))).toEqual(before);
  });
});
