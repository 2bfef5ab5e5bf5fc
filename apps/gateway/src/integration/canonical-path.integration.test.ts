// One canonical path for routing, base-path stripping and the upstream. An encoded
// character in the base path once routed on the decoded path but forwarded a slice of
// the raw one (`/%65cho/open/x` -> `ho/open/x`), which the HTTP client refused and the
// gateway counted against the upstream until its breaker opened for the whole API.
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

beforeAll(async () => {
  upstream = await startTestUpstream();
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'echo',
        name: 'Echo',
        basePath: '/echo',
        status: 'published',
        // A target with a path: the upstream must only ever see paths under /inner.
        upstream: {
          targets: [{ url: `${upstream.url}/inner` }],
          breaker: { consecutiveFailures: 3, openMs: 60_000 },
          passive: { consecutiveFailures: 3, ejectMs: 60_000 },
          retries: { attempts: 0 },
        },
        routes: [
          { path: '/open/*', methods: ['GET'], auth: 'none' },
          { path: '/keyed/{id}', methods: ['GET'] },
        ],
      },
    ],
    plans: [{ slug: 'free', name: 'Free', apis: ['echo'] }],
    teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'echo', plan: 'free' }] }] }],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  key = (await createApiKey(t.db, { appSlug: 'acme-app' })).key;
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

const seenPaths = () => upstream.received.slice(seenBefore).map((request) => request.url);

describe('the canonical path', () => {
  it('routes, strips and forwards an encoded base path as its decoded spelling', async () => {
    const response = await rawRequest(gateway.url, '/%65cho/open/x');
    expect(response.status, response.body).toBe(200);
    expect(seenPaths()).toEqual(['/inner/open/x']);
  });

  it('keeps reserved characters encoded, in upper-case hex, under the target path', async () => {
    const response = await rawRequest(gateway.url, '/ech%6f/open/caf%c3%a9/%41%3a?q=1');
    expect(response.status, response.body).toBe(200);
    expect(seenPaths()).toEqual(['/inner/open/caf%C3%A9/A%3A?q=1']);
  });

  it('leaves the breaker closed and every route answering after encoded base paths in a loop', async () => {
    for (let i = 0; i < 30; i++) {
      const response = await rawRequest(gateway.url, `/%65%63%68%6F/open/${i}`);
      expect(response.status, response.body).toBe(200);
    }
    const keyed = await rawRequest(gateway.url, '/echo/keyed/1', { headers: { 'x-api-key': key } });
    expect(keyed.status, keyed.body).toBe(200);
    const open = await rawRequest(gateway.url, '/echo/open/after');
    expect(open.status, open.body).toBe(200);
    expect(seenPaths().every((path) => path.startsWith('/inner/'))).toBe(true);
  });

  it('does not route a reserved character spelled encoded as if it were the base path', async () => {
    const response = await rawRequest(gateway.url, '/%65cho%2Dx/open/y');
    expect(response.status).toBe(404);
    expect(seenPaths()).toEqual([]);
  });
});
