import type { SnapshotApi } from '@tollgate/db';
import { describe, expect, it } from 'vitest';
import { compileSnapshot } from '../../config/compile-snapshot';
import { testContext } from '../../testing/test-context';
import { fixtureApi, fixtureRoute, fixtureSnapshot, testServices } from '../../testing/snapshot-fixture';
import { route } from './index';

const withHosts = (api: SnapshotApi, hosts: string[]): SnapshotApi => ({ ...api, hosts });

const snapshot = compileSnapshot(
  fixtureSnapshot([
    withHosts(fixtureApi('alpha', '/shop', [fixtureRoute('/items')]), ['alpha.example.com']),
    withHosts(fixtureApi('star', '/shop', [fixtureRoute('/items')]), ['*.example.com']),
    fixtureApi('plain', '/shop', [fixtureRoute('/items'), fixtureRoute('/only-plain')]),
    {
      ...fixtureApi('weather', '/weather', [
        fixtureRoute('/forecast', { version: 'v1' }),
        fixtureRoute('/forecast', { version: 'v2', key: 'v2 GET /forecast' }),
        fixtureRoute('/status'),
      ]),
      versions: [
        { name: 'v1', selector: 'path', match: 'v1', isDefault: false },
        { name: 'v2', selector: 'path', match: 'v2', isDefault: false },
      ],
    },
    {
      ...fixtureApi('maps', '/maps', [
        fixtureRoute('/tiles', { version: 'old', methods: ['GET', 'POST'] }),
        fixtureRoute('/tiles', { version: 'new', key: 'new GET /tiles' }),
        fixtureRoute('/ping'),
      ]),
      versions: [
        { name: 'old', selector: 'header', match: '1', isDefault: false },
        { name: 'new', selector: 'header', match: '2', isDefault: true },
      ],
    },
  ]),
  'database',
  testServices(),
);

function routed(method: string, path: string, headers: Record<string, string> = {}) {
  const ctx = testContext(snapshot, { method, headers });
  ctx.path = path;
  route.run(ctx, true);
  return ctx.route!;
}

describe('route by host', () => {
  it('prefers an exact host, then a wildcard, then the API without hosts', () => {
    expect(routed('GET', '/shop/items', { host: 'alpha.example.com' }).api.slug).toBe('alpha');
    expect(routed('GET', '/shop/items', { host: 'Alpha.Example.com:443' }).api.slug).toBe('alpha');
    expect(routed('GET', '/shop/items', { host: 'beta.example.com' }).api.slug).toBe('star');
    expect(routed('GET', '/shop/items', { host: 'a.beta.example.com' }).api.slug).toBe('plain');
    expect(routed('GET', '/shop/items', {}).api.slug).toBe('plain');
  });

  it('serves the routes of APIs without hosts on every host', () => {
    expect(routed('GET', '/shop/only-plain', { host: 'alpha.example.com' }).api.slug).toBe('plain');
  });

  it('compiles without warnings when host-bound APIs shadow one without hosts', () => {
    expect(snapshot.warnings).toEqual([]);
  });
});

describe('route by path version', () => {
  it('mounts each version under its segment and strips it', () => {
    const v2 = routed('GET', '/weather/v2/forecast');
    expect(v2.version).toBe('v2');
    expect(v2.stripPrefix).toBe('/weather/v2');
    expect(routed('GET', '/weather/v1/forecast').version).toBe('v1');
  });

  it('mounts routes without a version under every version and the basePath', () => {
    expect(routed('GET', '/weather/v1/status').stripPrefix).toBe('/weather/v1');
    expect(routed('GET', '/weather/status').stripPrefix).toBe('/weather');
  });

  it('names an unknown version in the 404', () => {
    expect(() => routed('GET', '/weather/v3/forecast')).toThrow(expect.objectContaining({ code: 'route_not_found', detail: expect.stringContaining('"v3" is not a version of API weather') }));
    expect(() => routed('GET', '/weather/forecast')).toThrow(expect.objectContaining({ code: 'route_not_found', detail: expect.stringContaining('"forecast" is not a version') }));
  });
});

describe('route by header version', () => {
  it('selects by Api-Version and falls back to the default', () => {
    expect(routed('GET', '/maps/tiles', { 'api-version': '1' }).version).toBe('old');
    expect(routed('GET', '/maps/tiles', { 'api-version': '2' }).version).toBe('new');
    expect(routed('GET', '/maps/tiles').version).toBe('new');
    expect(routed('HEAD', '/maps/tiles', { 'api-version': '1' }).version).toBe('old');
  });

  it('answers 404 for a known version without the route, and for an unknown version', () => {
    expect(routed('POST', '/maps/tiles', { 'api-version': '1' }).version).toBe('old');
    expect(() => routed('POST', '/maps/tiles', { 'api-version': '2' })).toThrow(expect.objectContaining({ code: 'route_not_found', detail: expect.stringContaining('version 2') }));
    expect(() => routed('GET', '/maps/ping', { 'api-version': '7' })).toThrow(expect.objectContaining({ code: 'route_not_found', detail: expect.stringContaining('unknown version "7"') }));
  });

  it('serves a route without a version to every version', () => {
    expect(routed('GET', '/maps/ping', { 'api-version': '1' }).api.slug).toBe('maps');
    expect(routed('GET', '/maps/ping').api.slug).toBe('maps');
  });
});
