import { describe, expect, it } from 'vitest';
import { classifyEndpoint, type CatalogApi } from './classify-endpoint';

const shop: CatalogApi = {
  id: 'shop',
  basePath: '/shop',
  hosts: [],
  status: 'published',
  documented: [
    { template: '/shop/orders/{orderId}', methods: ['GET'] },
    { template: '/shop/orders', methods: ['GET', 'POST'] },
    { template: '/shop/*', methods: ['GET', 'POST', 'DELETE'], route: true },
    { template: '/shop/coupons/{code}', methods: ['GET'], route: true },
    { template: '/shop/wishlists/mine', methods: ['GET'] },
  ],
  former: [{ template: '/shop/carts/{id}', methods: ['GET'] }],
  removedFromSpec: [
    { template: '/shop/coupons/{code}', methods: ['GET'] },
    { template: '/shop/wishlists/{id}', methods: ['GET'] },
  ],
};
const old: CatalogApi = { id: 'old', basePath: '/old', hosts: ['api.example.com'], status: 'retired', documented: [], former: [], removedFromSpec: [] };
const classify = (method: string, template: string, host = '') => classifyEndpoint([shop, old], { host, method, template });

describe('classifyEndpoint', () => {
  it('reports documented endpoints as nothing to report', () => {
    expect(classify('GET', '/shop/orders/{id}')).toEqual({ kind: null, apiId: 'shop', reason: null });
    expect(classify('HEAD', '/shop/orders')).toEqual({ kind: null, apiId: 'shop', reason: null });
  });
  it('finds undocumented methods on documented paths', () => {
    expect(classify('DELETE', '/shop/orders/{id}').kind).toBe('undocumented-method');
  });
  it('finds shadow endpoints, also behind a wildcard route', () => {
    expect(classify('GET', '/shop/internal/debug').kind).toBe('shadow');
    expect(classify('GET', '/nowhere/{id}')).toEqual({ kind: 'shadow', apiId: null, reason: null });
  });
  it('finds zombies: a route that was removed, an API that was retired', () => {
    expect(classify('GET', '/shop/carts/{id}')).toMatchObject({ kind: 'zombie', reason: 'route removed' });
    expect(classify('GET', '/old/things', 'api.example.com')).toEqual({ kind: 'zombie', apiId: 'old', reason: 'API retired' });
    expect(classify('GET', '/old/things', 'other.example.com').apiId).toBeNull();
  });
  it('finds zombies removed from the spec, also where a route still serves them', () => {
    expect(classify('GET', '/shop/coupons/{code}')).toEqual({ kind: 'zombie', apiId: 'shop', reason: 'removed from the spec' });
    expect(classify('GET', '/shop/wishlists/{id}')).toMatchObject({ kind: 'zombie', reason: 'removed from the spec' });
    // The document still describes this one, a more specific path under the removed template.
    expect(classify('GET', '/shop/wishlists/mine').kind).toBeNull();
    expect(classify('POST', '/shop/coupons/{code}').kind).toBe('undocumented-method');
  });
});
