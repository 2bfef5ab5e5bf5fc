import { CLI_PRINCIPAL, createApi, runOperation } from '@tollgate/operations';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const collection = () => import('./route');
const BASE = '/api/admin/v1/discovery/body-sampling';

type Problem = { status: number; code: string; invalid_params?: { name: string; reason: string }[] };
const put = async (api: string, body: object, token = tokens.admin) => call((await collection()).PUT, 'PUT', BASE, { token, body: { api, ...body } });

beforeAll(async () => {
  await runOperation(t.db, CLI_PRINCIPAL, createApi, { slug: 'shop', name: 'Shop', basePath: '/shop', status: 'published' });
  await runOperation(t.db, CLI_PRINCIPAL, createApi, { slug: 'wiki', name: 'Wiki', basePath: '/wiki', status: 'published' });
});

describe('/api/admin/v1/discovery/body-sampling', () => {
  it('is off for every API until an admin turns it on, and off again with rate null', async () => {
    const list = async () => json(await call((await collection()).GET, 'GET', BASE, { token: tokens.viewer }));
    expect(await list()).toEqual([
      { api: 'shop', name: 'Shop', rate: null },
      { api: 'wiki', name: 'Wiki', rate: null },
    ]);
    const on = await put('shop', { rate: 100 });
    expect(on.status).toBe(200);
    expect(await json(on)).toEqual({ api: 'shop', name: 'Shop', rate: 100 });
    expect((await t.db.api.findUniqueOrThrow({ where: { slug: 'shop' } })).policies).toMatchObject({ bodySampling: { rate: 100 } });
    expect((await list())[0]).toEqual({ api: 'shop', name: 'Shop', rate: 100 });
    expect(await json(await put('shop', { rate: null }))).toEqual({ api: 'shop', name: 'Shop', rate: null });
    expect((await t.db.api.findUniqueOrThrow({ where: { slug: 'shop' } })).policies).not.toHaveProperty('bodySampling');
    const audit = await t.db.auditLog.findMany({ where: { action: 'discovery.body_sampling.set' } });
    expect(audit).toHaveLength(2);
  });

  it('refuses a rate that is not a positive whole number with invalid_params, and an unknown API with 404', async () => {
    const zero = await put('shop', { rate: 0 });
    expect(zero.status).toBe(400);
    expect((await json<Problem>(zero)).invalid_params).toEqual([{ name: 'rate', reason: expect.stringContaining('at least 1') }]);
    expect((await put('shop', { rate: 'often' })).status).toBe(400);
    expect((await put('nothing-here', { rate: 10 })).status).toBe(404);
  });

  it('needs a token; changing it needs the admin role', async () => {
    await expectRouteGuards({ module: await collection(), path: BASE, body: { api: 'shop', rate: 5 } }, tokens);
  });
});
