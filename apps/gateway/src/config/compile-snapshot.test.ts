import { describe, expect, it } from 'vitest';
import { fixtureApi, fixtureRoute, fixtureSnapshot, testServices } from '../testing/snapshot-fixture';
import type { CompiledRoute } from './compiled-snapshot.types';
import { compileSnapshot } from './compile-snapshot';

function compile(...apis: Parameters<typeof fixtureSnapshot>[0]) {
  return compileSnapshot(fixtureSnapshot(apis), 'database', testServices());
}

describe('compileSnapshot', () => {
  it('joins basePath and route path and turns {param} into a router parameter', () => {
    const compiled = compile(fixtureApi('weather', '/weather', [fixtureRoute('/forecast/{city}'), fixtureRoute('/')]));
    const found = compiled.router.find('GET', '/weather/forecast/paris');
    expect((found?.store as CompiledRoute).template).toBe('/weather/forecast/{city}');
    expect(found?.params).toEqual({ city: 'paris' });
    expect((compiled.router.find('GET', '/weather')?.store as CompiledRoute).key).toBe('GET /');
    expect(compiled.router.find('GET', '/weather/forecast')).toBeNull();
    expect(compiled.router.find('GET', '/weather/forecast/paris/extra')).toBeNull();
  });

  it('matches a trailing * against the rest of the path', () => {
    const compiled = compile(fixtureApi('files', '/files', [fixtureRoute('/blobs/*')]));
    expect(compiled.router.find('GET', '/files/blobs/a/b/c.txt')?.params).toEqual({ '*': 'a/b/c.txt' });
  });

  it('registers each method, adds HEAD for GET, and not other methods', () => {
    const compiled = compile(fixtureApi('orders', '/orders', [fixtureRoute('/{id}', { methods: ['GET', 'PUT'] })]));
    expect(compiled.router.find('PUT', '/orders/1')).not.toBeNull();
    expect(compiled.router.find('HEAD', '/orders/1')).not.toBeNull();
    expect(compiled.router.find('POST', '/orders/1')).toBeNull();
  });

  it('treats a colon in a static segment literally', () => {
    const compiled = compile(fixtureApi('ai', '/ai', [fixtureRoute('/models/{model}/v1:generate', { methods: ['POST'] })]));
    expect(compiled.router.find('POST', '/ai/models/m1/v1:generate')?.params).toEqual({ model: 'm1' });
  });

  it('binds per route only the stages that apply, in phase order', () => {
    const compiled = compile(fixtureApi('mixed', '/mixed', [fixtureRoute('/open', { auth: 'none' }), fixtureRoute('/closed')]));
    const names = (path: string) => (compiled.router.find('GET', path)?.store as CompiledRoute).main.map((bound) => bound.stage.name);
    expect(names('/mixed/open')).toEqual(['expect-continue', 'forward']);
    expect(names('/mixed/closed')).toEqual(['authenticate', 'expect-continue', 'forward']);
    expect(compiled.entry.map((bound) => bound.stage.name)).toEqual(['receive', 'cors-preflight', 'route']);
    expect(compiled.after.map((bound) => bound.stage.name)).toEqual(['record']);
  });

  it('skips a route that collides with another and says so, serving the rest', () => {
    const compiled = compile(fixtureApi('a', '/a', [fixtureRoute('/b/c')]), fixtureApi('ab', '/a/b', [fixtureRoute('/c'), fixtureRoute('/d')]));
    expect(compiled.routes).toHaveLength(2);
    expect(compiled.warnings.join('\n')).toMatch(/api ab route GET \/c: not served/);
    expect(compiled.router.find('GET', '/a/b/d')).not.toBeNull();
  });

  it('collects the upstream origins and warns about an API without targets', () => {
    const api = fixtureApi('w', '/w', [fixtureRoute('/x')], 'http://127.0.0.1:4010/base/');
    const empty = { ...fixtureApi('e', '/e', [fixtureRoute('/x')]), upstream: null };
    const compiled = compile(api, empty);
    expect([...compiled.origins]).toEqual(['http://127.0.0.1:4010']);
    expect(compiled.routes[0]!.api.upstream!.targets[0]!.prefix).toBe('/base');
    expect(compiled.warnings.join('\n')).toMatch(/api e: no upstream target/);
  });

  it('indexes keys by hash and subscriptions by api and app', () => {
    const api = fixtureApi('w', '/w', [fixtureRoute('/x')]);
    const snapshot = fixtureSnapshot([api], {
      plans: [{ id: 'p1', slug: 'free', name: 'Free', rateLimitRequests: 10, rateLimitPer: 'minute', burst: null, quotaRequests: null, quotaPer: null, hardStop: true, apiIds: [api.id] }],
      apps: [{ id: 'app1', slug: 'acme-app', teamId: 't1' }],
      subscriptions: [{ id: 's1', appId: 'app1', apiId: api.id, planId: 'p1', billingAnchor: '2026-01-01T00:00:00.000Z', timeZone: 'UTC', quotaOverride: null, quotaResetAt: null }],
      keys: [{ id: 'k1', appId: 'app1', hash: 'a'.repeat(64), environment: 'live', scopes: [], expiresAt: null }],
    });
    const { index } = compileSnapshot(snapshot, 'database', testServices());
    expect(index.keys.get('a'.repeat(64))).toMatchObject({ id: 'k1', app: { slug: 'acme-app' }, scopes: null, expiresAtMs: Infinity });
    expect(index.subscriptions.get(api.id)?.get('app1')?.plan).toMatchObject({ slug: 'free', rateLimit: { requests: 10, per: 'minute' } });
  });
});
