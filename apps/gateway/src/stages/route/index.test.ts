import { describe, expect, it } from 'vitest';
import { compileSnapshot } from '../../config/compile-snapshot';
import { testContext } from '../../testing/test-context';
import { fixtureApi, fixtureRoute, fixtureSnapshot, testServices } from '../../testing/snapshot-fixture';
import { route } from './index';

const snapshot = compileSnapshot(
  fixtureSnapshot([fixtureApi('orders', '/orders', [fixtureRoute('/{id}', { methods: ['GET', 'DELETE'] }), fixtureRoute('/', { methods: ['POST'] })])]),
  'database',
  testServices(),
);

function routed(method: string, path: string) {
  const ctx = testContext(snapshot, { method });
  ctx.path = path;
  route.run(ctx, true);
  return ctx;
}

describe('route', () => {
  it('sets the route and its params', () => {
    const ctx = routed('GET', '/orders/42');
    expect(ctx.route?.key).toBe('DELETE,GET /{id}');
    expect(ctx.params).toEqual({ id: '42' });
    expect(routed('POST', '/orders').route?.key).toBe('POST /');
  });

  it('decodes percent-encoded params', () => {
    expect(routed('GET', '/orders/S%C3%A3o%20Paulo').params).toEqual({ id: 'São Paulo' });
  });

  it('throws 404 route_not_found when no method has the path', () => {
    expect(() => routed('GET', '/orders/42/items')).toThrow(expect.objectContaining({ code: 'route_not_found', status: 404 }));
    expect(() => routed('GET', '/unknown')).toThrow(expect.objectContaining({ code: 'route_not_found' }));
  });

  it('throws 405 with Allow listing the methods the path has', () => {
    expect(() => routed('PUT', '/orders/42')).toThrow(expect.objectContaining({ code: 'method_not_allowed', status: 405, headers: { allow: 'GET, HEAD, DELETE' } }));
    expect(() => routed('PROPFIND', '/orders/42')).toThrow(expect.objectContaining({ code: 'method_not_allowed' }));
  });
});
