// The gateway's discovery flush keeps the catalog while the config revision stays, and
// loads it again when the revision moves or the cached copy grows old.
import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { createApi } from '../apis';
import { CLI_PRINCIPAL } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createRoute } from '../routes';
import { CatalogCache } from './catalog-cache';

const t = useTestDatabase();

const templates = async (cache: CatalogCache) => (await cache.load(t.db)).flatMap((api) => api.documented.map((operation) => operation.template)).sort();

describe('CatalogCache', () => {
  it('answers from memory at the same revision, and loads again after a config change or maxAgeMs', async () => {
    let now = 0;
    const cache = new CatalogCache(60_000, () => now);
    await runOperation(t.db, CLI_PRINCIPAL, createApi, { slug: 'shop', name: 'Shop', basePath: '/shop' });
    await runOperation(t.db, CLI_PRINCIPAL, createRoute, { apiSlug: 'shop', path: '/cart' });
    expect(await templates(cache)).toEqual(['/shop/cart']);

    // A route written behind the operations' back does not move the revision: the cached catalog stands.
    const api = await t.db.api.findUniqueOrThrow({ where: { slug: 'shop' } });
    await t.db.route.create({ data: { apiId: api.id, key: 'GET /hidden', path: '/hidden', methods: ['GET'] } });
    expect(await templates(cache)).toEqual(['/shop/cart']);
    now = 60_000;
    expect(await templates(cache)).toEqual(['/shop/cart', '/shop/hidden']);

    await runOperation(t.db, CLI_PRINCIPAL, createRoute, { apiSlug: 'shop', path: '/orders' });
    expect(await templates(cache)).toEqual(['/shop/cart', '/shop/hidden', '/shop/orders']);
  });
});
