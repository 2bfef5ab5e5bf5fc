// CORS per API: preflights answered by the gateway before authentication (never
// forwarded), actual responses carry the policy's headers, other origins get none.
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
const APP = 'https://app.example.com';

beforeAll(async () => {
  upstream = await startTestUpstream((_req, res, received) => {
    const body = JSON.stringify(received);
    // An upstream with its own (too generous) CORS headers and a Vary of its own.
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), vary: 'Accept-Encoding', 'access-control-allow-origin': '*' });
    res.end(body);
  });
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'shop',
        name: 'Shop',
        basePath: '/shop',
        status: 'published',
        upstream: { targets: [{ url: upstream.url }] },
        routes: [
          { path: '/items/{id}', methods: ['GET', 'PUT'] },
          { path: '/open', methods: ['GET'], auth: 'none' },
        ],
        policies: { cors: { origins: [APP, 'http://localhost:5173'], credentials: true, headers: ['Authorization', 'Content-Type'], exposeHeaders: ['X-Request-Id', 'X-Total'], maxAgeSeconds: 120 } },
      },
      {
        slug: 'anyone',
        name: 'Anyone',
        basePath: '/anyone',
        status: 'published',
        upstream: { targets: [{ url: upstream.url }] },
        routes: [{ path: '/open', methods: ['GET'], auth: 'none' }],
        policies: { cors: { origins: ['*'] } },
      },
      {
        slug: 'plain',
        name: 'Plain',
        basePath: '/plain',
        status: 'published',
        upstream: { targets: [{ url: upstream.url }] },
        routes: [{ path: '/open', methods: ['GET'], auth: 'none' }],
      },
    ],
    plans: [{ slug: 'free', name: 'Free', apis: ['shop'] }],
    teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'shop', plan: 'free' }] }] }],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  ({ key } = await createApiKey(t.db, { appSlug: 'acme-app' }));
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

let seenBefore = 0;
beforeEach(() => {
  seenBefore = upstream.received.length;
});

const preflight = (path: string, origin: string, method = 'PUT') =>
  rawRequest(gateway.url, path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type' } });

const varyTokens = (value: unknown) => String(value).split(',').map((token) => token.trim().toLowerCase());

describe('preflight', () => {
  it('is answered by the gateway with the policy, without a key, and never forwarded', async () => {
    const response = await preflight('/shop/items/42', APP);
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(APP);
    expect(response.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
    expect(response.headers['access-control-allow-headers']).toBe('Authorization, Content-Type');
    expect(response.headers['access-control-allow-credentials']).toBe('true');
    expect(response.headers['access-control-max-age']).toBe('120');
    expect(varyTokens(response.headers.vary)).toContain('origin');
    expect(response.headers['x-request-id']).toBeTruthy();
    expect(upstream.received.length).toBe(seenBefore);
  });

  it('gives an origin outside the policy no CORS headers, and still does not forward', async () => {
    const response = await preflight('/shop/items/42', 'https://evil.example');
    expect(response.status).toBe(204);
    expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(varyTokens(response.headers.vary)).toContain('origin');
    expect(upstream.received.length).toBe(seenBefore);
  });

  it('answers "*" for an any-origin policy without credentials', async () => {
    const response = await preflight('/anyone/open', 'https://whoever.example', 'GET');
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('is not answered for an API without a CORS policy', async () => {
    const response = await preflight('/plain/open', APP, 'GET');
    expect(response.status).toBe(405);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('is not answered for a path no route serves with the requested method', async () => {
    const response = await preflight('/shop/open', APP, 'DELETE');
    expect(response.status).toBe(405);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('actual requests', () => {
  it('get Allow-Origin, Expose-Headers and Credentials for an allowed origin, replacing the upstream ones', async () => {
    const response = await rawRequest(gateway.url, '/shop/items/1', { headers: { origin: APP, authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe(APP);
    expect(response.headers['access-control-expose-headers']).toBe('X-Request-Id, X-Total');
    expect(response.headers['access-control-allow-credentials']).toBe('true');
    expect(varyTokens(response.headers.vary)).toEqual(['accept-encoding', 'origin']);
    expect(upstream.received.length).toBe(seenBefore + 1);
  });

  it('get no CORS headers for another origin, but still Vary: Origin', async () => {
    const response = await rawRequest(gateway.url, '/shop/items/1', { headers: { origin: 'https://evil.example', authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(varyTokens(response.headers.vary)).toContain('origin');
  });

  it('carry CORS headers on gateway errors too, so the browser can read them', async () => {
    const response = await rawRequest(gateway.url, '/shop/items/1', { headers: { origin: APP } });
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers['access-control-allow-origin']).toBe(APP);
  });

  it('leave APIs without a policy alone', async () => {
    const response = await rawRequest(gateway.url, '/plain/open', { headers: { origin: APP } });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers.vary).toBe('Accept-Encoding');
  });
});
