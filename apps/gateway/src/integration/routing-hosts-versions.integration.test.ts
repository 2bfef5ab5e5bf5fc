// Routing by host (exact names and one-label wildcards, APIs without hosts everywhere
// else) and by API version (a path segment after the basePath, or a request header with
// a default), from a config applied to a real database, against a real upstream.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawRequest } from '../testing/raw-request';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type ReceivedRequest, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;

const api = (slug: string, basePath: string, extra: object) => ({
  slug,
  name: slug,
  basePath,
  status: 'published',
  // Each API forwards under a prefix of its own, so the upstream sees which API answered.
  upstream: { targets: [{ url: `${upstream.url}/${slug}` }] },
  ...extra,
});

beforeAll(async () => {
  upstream = await startTestUpstream();
  const config = ZConfigFile.parse({
    apis: [
      api('alpha', '/shop', { hosts: ['alpha.example.com'], routes: [{ path: '/items', auth: 'none' }] }),
      api('beta', '/shop', { hosts: ['Beta.Example.com'], routes: [{ path: '/items', auth: 'none' }] }),
      api('anyhost', '/shop', { routes: [{ path: '/items', auth: 'none' }] }),
      api('tenants', '/tenant', { hosts: ['*.tenants.test'], routes: [{ path: '/me', auth: 'none' }] }),
      api('weather', '/weather', {
        versions: [
          { name: 'v1', selector: 'path', match: 'v1' },
          { name: 'v2', selector: 'path', match: 'v2', default: true },
        ],
        routes: [
          { path: '/forecast/{city}', auth: 'none', version: 'v1' },
          { path: '/forecast/{city}', auth: 'none', version: 'v2' },
          { path: '/alerts', auth: 'none', version: 'v2' },
          { path: '/status', auth: 'none' },
          { path: '/legacy/{id}', auth: 'none', version: 'v1', rewrite: '/old/{id}' },
        ],
      }),
      api('maps', '/maps', {
        policies: { versionHeader: 'X-Maps-Version' },
        versions: [
          { name: '2024', selector: 'header', match: '2024-01-01' },
          { name: '2025', selector: 'header', match: '2025-06-01', default: true },
        ],
        routes: [
          { path: '/tiles/{z}', auth: 'none', version: '2024' },
          { path: '/tiles/{z}', auth: 'none', version: '2025', rewrite: '/tiles-v2/{z}' },
          { path: '/ping', auth: 'none' },
        ],
      }),
    ],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

async function call(path: string, headers: Record<string, string> = {}) {
  const response = await rawRequest(gateway.url, path, { headers });
  const forwarded = response.status === 200 ? (JSON.parse(response.body) as ReceivedRequest) : null;
  return { status: response.status, upstreamPath: forwarded?.url ?? null, body: response.body, type: response.headers['content-type'] };
}

describe('hosts', () => {
  it('sends one path to the API listed for the request host', async () => {
    expect((await call('/shop/items', { host: 'alpha.example.com' })).upstreamPath).toBe('/alpha/items');
    expect((await call('/shop/items', { host: 'beta.example.com:8080' })).upstreamPath).toBe('/beta/items');
    expect((await call('/shop/items', { host: 'ALPHA.example.COM' })).upstreamPath).toBe('/alpha/items');
  });

  it('sends other hosts to the API without hosts', async () => {
    expect((await call('/shop/items', { host: 'gamma.example.com' })).upstreamPath).toBe('/anyhost/items');
    expect((await call('/shop/items', { host: '127.0.0.1' })).upstreamPath).toBe('/anyhost/items');
  });

  it('matches a wildcard one label deep only', async () => {
    expect((await call('/tenant/me', { host: 'acme.tenants.test' })).upstreamPath).toBe('/tenants/me');
    expect((await call('/tenant/me', { host: 'a.b.tenants.test' })).status).toBe(404);
    expect((await call('/tenant/me', { host: 'tenants.test' })).status).toBe(404);
    expect((await call('/tenant/me', { host: 'other.test' })).status).toBe(404);
  });

  it('still serves APIs without hosts on a host that has its own APIs', async () => {
    expect((await call('/weather/v1/forecast/paris', { host: 'alpha.example.com' })).upstreamPath).toBe('/weather/forecast/paris');
  });
});

describe('path versions', () => {
  it('strips the version segment with the basePath before forwarding', async () => {
    const v1 = await call('/weather/v1/forecast/paris');
    const v2 = await call('/weather/v2/forecast/paris');
    expect(v1.upstreamPath).toBe('/weather/forecast/paris');
    expect(v2.upstreamPath).toBe('/weather/forecast/paris');
  });

  it('serves a route only in its version', async () => {
    expect((await call('/weather/v2/alerts')).upstreamPath).toBe('/weather/alerts');
    expect((await call('/weather/v1/alerts')).status).toBe(404);
  });

  it('serves a route without a version under every version and the bare basePath', async () => {
    expect((await call('/weather/v1/status')).upstreamPath).toBe('/weather/status');
    expect((await call('/weather/v2/status')).upstreamPath).toBe('/weather/status');
    expect((await call('/weather/status')).upstreamPath).toBe('/weather/status');
  });

  it('serves the default version under the bare basePath', async () => {
    expect((await call('/weather/alerts')).upstreamPath).toBe('/weather/alerts');
  });

  it('applies a route rewrite instead of stripping', async () => {
    expect((await call('/weather/v1/legacy/7')).upstreamPath).toBe('/weather/old/7');
  });

  it('answers an unknown version with 404 route_not_found naming it', async () => {
    const response = await call('/weather/v9/forecast/paris');
    expect(response.status).toBe(404);
    expect(response.type).toMatch(/problem\+json/);
    const problem = JSON.parse(response.body) as { type: string; detail: string };
    expect(problem.type).toMatch(/route_not_found|route-not-found/);
    expect(problem.detail).toContain('"v9" is not a version of API weather');
  });
});

describe('header versions', () => {
  it('picks the route of the version named in the configured header', async () => {
    expect((await call('/maps/tiles/3', { 'x-maps-version': '2024-01-01' })).upstreamPath).toBe('/maps/tiles/3');
    expect((await call('/maps/tiles/3', { 'x-maps-version': '2025-06-01' })).upstreamPath).toBe('/maps/tiles-v2/3');
  });

  it('falls back to the default version without the header', async () => {
    expect((await call('/maps/tiles/3')).upstreamPath).toBe('/maps/tiles-v2/3');
  });

  it('ignores the default header name when the API configures another', async () => {
    expect((await call('/maps/tiles/3', { 'api-version': '2024-01-01' })).upstreamPath).toBe('/maps/tiles-v2/3');
  });

  it('serves a route without a version for every version', async () => {
    expect((await call('/maps/ping', { 'x-maps-version': '2024-01-01' })).upstreamPath).toBe('/maps/ping');
    expect((await call('/maps/ping')).upstreamPath).toBe('/maps/ping');
  });

  it('answers an unknown version with 404 route_not_found naming it', async () => {
    for (const path of ['/maps/tiles/3', '/maps/ping']) {
      const response = await call(path, { 'x-maps-version': '1999-01-01' });
      expect(response.status).toBe(404);
      const problem = JSON.parse(response.body) as { detail: string };
      expect(problem.detail).toContain('unknown version "1999-01-01"');
    }
  });
});
