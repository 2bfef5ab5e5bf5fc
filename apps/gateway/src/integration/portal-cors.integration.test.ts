// The developer portal's try-it (GATEWAY_PORTAL_ORIGINS): its origin gets CORS answers on
// every route, APIs with and without a policy of their own, while each API's policy still
// decides for every other origin.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawRequest } from '../testing/raw-request';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let key: string;
const PORTAL = 'https://portal.example.com';
const APP = 'https://app.example.com';

beforeAll(async () => {
  upstream = await startTestUpstream((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': 2, vary: 'Accept-Encoding', 'access-control-allow-origin': '*' });
    res.end('{}');
  });
  const api = (slug: string, policies?: object) => ({
    slug,
    name: slug,
    basePath: `/${slug}`,
    status: 'published',
    upstream: { targets: [{ url: upstream.url }] },
    routes: [{ path: '/items/{id}', methods: ['GET', 'PUT'] }],
    ...(policies ? { policies } : {}),
  });
  const config = ZConfigFile.parse({
    apis: [api('shop', { cors: { origins: [APP], credentials: true, headers: ['Authorization'], maxAgeSeconds: 120 } }), api('plain')],
    plans: [{ slug: 'free', name: 'Free', apis: ['shop', 'plain'] }],
    teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'shop', plan: 'free' }, { api: 'plain', plan: 'free' }] }] }],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  ({ key } = await createApiKey(t.db, { appSlug: 'acme-app' }));
  gateway = await startTestGateway(t.url, { GATEWAY_PORTAL_ORIGINS: [PORTAL] });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

let seenBefore = 0;
beforeEach(() => {
  seenBefore = upstream.received.length;
});

const preflight = (path: string, origin: string, method = 'GET', headers = 'x-api-key, content-type') =>
  rawRequest(gateway.url, path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers } });
const corsHeaders = (headers: Record<string, unknown>) => Object.keys(headers).filter((name) => name.startsWith('access-control-'));
const varyTokens = (value: unknown) => String(value).split(',').map((token) => token.trim().toLowerCase());

describe('preflights from the portal', () => {
  it('are answered with the asked method and headers (the key headers always) on an API without a policy, never forwarded', async () => {
    const response = await preflight('/plain/items/1', PORTAL, 'PUT', 'x-api-key, x-trace-me, bad header');
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(response.headers['access-control-allow-methods']).toBe('PUT');
    expect(response.headers['access-control-allow-headers']).toBe('Authorization, X-Api-Key, Content-Type, x-trace-me');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers['access-control-max-age']).toBe('600');
    expect(varyTokens(response.headers.vary)).toContain('origin');
    expect(upstream.received.length).toBe(seenBefore);
  });

  it('are answered on an API whose own policy does not name the portal', async () => {
    const response = await preflight('/shop/items/1', PORTAL, 'GET', 'authorization');
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(response.headers['access-control-allow-headers']).toBe('Authorization, X-Api-Key, Content-Type');
    expect(upstream.received.length).toBe(seenBefore);
  });

  it('leave the API policy as it was for other origins', async () => {
    const allowed = await preflight('/shop/items/1', APP, 'PUT');
    expect(allowed.headers['access-control-allow-origin']).toBe(APP);
    expect(allowed.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
    expect(allowed.headers['access-control-allow-headers']).toBe('Authorization');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const stranger = await preflight('/shop/items/1', 'https://evil.example');
    expect(stranger.status).toBe(204);
    expect(corsHeaders(stranger.headers)).toEqual([]);
    // An API without a policy answers a stranger's preflight like any request: no route serves OPTIONS.
    const plain = await preflight('/plain/items/1', 'https://evil.example');
    expect(plain.status).toBe(405);
    expect(corsHeaders(plain.headers)).toEqual([]);
  });

  it('for a method no route serves are not answered', async () => {
    const response = await preflight('/plain/items/1', PORTAL, 'DELETE');
    expect(response.status).toBe(405);
    expect(corsHeaders(response.headers)).toEqual([]);
  });
});

describe('actual requests from the portal', () => {
  it('get Allow-Origin for the portal and exposed limit headers, replacing the upstream ones, with Vary: Origin', async () => {
    for (const path of ['/plain/items/1', '/shop/items/1']) {
      const response = await rawRequest(gateway.url, path, { headers: { origin: PORTAL, 'x-api-key': key } });
      expect(response.status).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe(PORTAL);
      expect(response.headers['access-control-expose-headers']).toContain('RateLimit-Remaining');
      expect(String(response.headers['access-control-expose-headers']).split(', ')).toContain('RateLimit');
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      expect(varyTokens(response.headers.vary)).toEqual(['accept-encoding', 'origin']);
    }
    expect(upstream.received.length).toBe(seenBefore + 2);
  });

  it('carry Allow-Origin on gateway errors too, so try-it can show a 401', async () => {
    const response = await rawRequest(gateway.url, '/plain/items/1', { headers: { origin: PORTAL } });
    expect(response.status).toBe(401);
    expect(response.headers['access-control-allow-origin']).toBe(PORTAL);
  });

  it('do not change what other origins get', async () => {
    const app = await rawRequest(gateway.url, '/shop/items/1', { headers: { origin: APP, authorization: `Bearer ${key}` } });
    expect(app.headers['access-control-allow-origin']).toBe(APP);
    expect(app.headers['access-control-allow-credentials']).toBe('true');
    const stranger = await rawRequest(gateway.url, '/shop/items/1', { headers: { origin: 'https://evil.example', authorization: `Bearer ${key}` } });
    expect(corsHeaders(stranger.headers)).toEqual([]);
    // Without a policy the upstream's own CORS headers stay for everyone else; the answer now varies by Origin.
    const plain = await rawRequest(gateway.url, '/plain/items/1', { headers: { origin: APP, authorization: `Bearer ${key}` } });
    expect(plain.headers['access-control-allow-origin']).toBe('*');
    expect(varyTokens(plain.headers.vary)).toEqual(['accept-encoding', 'origin']);
  });
});
