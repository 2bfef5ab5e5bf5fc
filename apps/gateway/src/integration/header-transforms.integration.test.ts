// Header transforms on a route: requestHeaders sets and removes what the upstream gets,
// responseHeaders what the caller gets, on the upstream's answers and the gateway's own;
// headers the gateway owns cannot be named at all.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawRequest } from '../testing/raw-request';
import { startTestGateway } from '../testing/test-gateway';
import { echo, startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;

const route = (extra: Record<string, unknown>) => ({ path: '/echo', methods: ['GET'], auth: 'none', ...extra });

beforeAll(async () => {
  upstream = await startTestUpstream((req, res, received) => {
    res.setHeader('server', 'upstream/1.2.3');
    res.setHeader('x-powered-by', 'framework');
    echo(req, res, received);
  });
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'shaped',
        name: 'Shaped',
        basePath: '/shaped',
        status: 'published',
        upstream: { targets: [{ url: upstream.url }] },
        routes: [
          route({
            methods: ['GET', 'POST'],
            maxBodyBytes: 16,
            requestHeaders: { set: { 'X-Tenant': 'acme', 'Accept-Language': 'en' }, remove: ['Cookie'] },
            responseHeaders: { set: { 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY' }, remove: ['Server', 'X-Powered-By'] },
          }),
        ],
      },
      { slug: 'plain', name: 'Plain', basePath: '/plain', status: 'published', upstream: { targets: [{ url: upstream.url }] }, routes: [route({})] },
    ],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

describe('header transforms', () => {
  it('sets and removes request headers for the upstream, replacing the caller’s value', async () => {
    const response = await rawRequest(gateway.url, '/shaped/echo', { headers: { cookie: 'session=secret', 'accept-language': 'fr', 'x-tenant': 'someone-else' } });
    expect(response.status).toBe(200);
    const headers = upstream.received.at(-1)!.headers;
    expect(headers.cookie).toBeUndefined();
    expect(headers['x-tenant']).toBe('acme');
    expect(headers['accept-language']).toBe('en');
  });

  it('sets and removes response headers for the caller', async () => {
    const response = await rawRequest(gateway.url, '/shaped/echo');
    expect(response.headers.server).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('shapes the gateway’s own answers on the route too', async () => {
    const response = await rawRequest(gateway.url, '/shaped/echo', { method: 'POST', headers: { 'content-length': '100' } });
    expect(response.status).toBe(413);
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('leaves routes without the policies alone', async () => {
    const response = await rawRequest(gateway.url, '/plain/echo', { headers: { cookie: 'a=1' } });
    expect(response.headers.server).toBe('upstream/1.2.3');
    expect(upstream.received.at(-1)!.headers.cookie).toBe('a=1');
  });
});

it('refuses a transform that names a header the gateway owns, naming the field', () => {
  const parsed = ZConfigFile.safeParse({
    apis: [{ slug: 'x', name: 'X', basePath: '/x', upstream: { targets: [{ url: 'http://127.0.0.1:1' }] }, routes: [route({ requestHeaders: { set: { 'X-Consumer-Id': 'spoofed' }, remove: ['Host'] } })] }],
  });
  expect(parsed.success).toBe(false);
  const paths = parsed.error!.issues.map((issue) => issue.path.join('.'));
  expect(paths).toEqual(expect.arrayContaining(['apis.0.routes.0.requestHeaders.set.X-Consumer-Id', 'apis.0.routes.0.requestHeaders.remove.0']));
});
