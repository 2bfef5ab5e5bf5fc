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
    { template: '/shop/*', methods: ['GET', 'POST', 'DELETE'] },
  ],
  former: [{ template: '/shop/carts/{id}', methods: ['GET'] }],
};
const old: CatalogApi = { id: 'old', basePath: '/old', hosts: ['api.example.com'], status: 'retired', documented: [], former: [] };
const classify = (method: string, template: string, host = '') => classifyEndpoint([shop, old], { host, method, template });

describe('classifyEndpoint', () => {
  it('reports documented endpoints as nothing to report', () => {
    expect(classify('GET', '/shop/orders/{id}')).toEqual({ kind: null, apiId: 'shop' });
    expect(classify('HEAD', '/shop/orders')).toEqual({ kind: null, apiId: 'shop' });
  });
  it('finds undocumented methods on documented paths', () => {
    expect(classify('DELETE', '/shop/orders/{id}').kind).toBe('undocumented-method');
  });
  it('finds shadow endpoints, also behind a wildcard route', () => {
    expect(classify('GET', '/shop/internal/debug').kind).toBe('shadow');
    expect(classify('GET', '/nowhere/{id}')).toEqual({ kind: 'shadow', apiId: null });
  });
  it('finds zombies: a route that was removed, an API that was retired', () => {
    expect(classify('GET', '/shop/carts/{id}').kind).toBe('zombie');
    expect(classify('GET', '/old/things', 'api.example.com')).toEqual({ kind: 'zombie', apiId: 'old' });
    expect(classify('GET', '/old/things', 'other.example.com').apiId).toBeNull();
  });
});
