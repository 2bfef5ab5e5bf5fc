// Aggregate routes through a real gateway: three real upstreams (one answering, one
// failing, one that never answers), the calls' timeouts, a required call failing, and the
// client leaving while the calls are in flight.
import type { ServerResponse } from 'node:http';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { eventually, startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let profiles: TestUpstream;
let orders: TestUpstream;
let reviews: TestUpstream;
let gateway: RunningGateway;
let key: string;
/** Answers the never-answering upstream holds, and whether each one's connection closed. */
const held: { res: ServerResponse; closed: boolean }[] = [];

beforeAll(async () => {
  profiles = await startTestUpstream((_req, res, received) => {
    const body = JSON.stringify({ url: received.url, consumer: received.headers['x-consumer-id'] ?? null, authorization: received.headers.authorization ?? null });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  orders = await startTestUpstream((_req, res) => res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"db down"}'));
  // Never answers: the call's timeout, the route's deadline or the client leaving must end it.
  reviews = await startTestUpstream((_req, res) => {
    const entry = { res, closed: false };
    held.push(entry);
    res.on('close', () => (entry.closed = true));
  });
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'customers',
        name: 'Customers',
        basePath: '/customers',
        status: 'published',
        upstream: { targets: [{ url: profiles.url }] },
        routes: [
          {
            path: '/{id}/overview',
            weight: 5,
            timeoutMs: 60_000,
            backend: {
              kind: 'aggregate',
              calls: [
                { name: 'profile', path: '/profiles/{params.id}', query: { expand: '{query.expand}', app: '{consumer.id}', missing: '{query.nope}' } },
                { name: 'orders', upstream: 'orders', path: '/orders', query: { customer: '{params.id}' }, optional: true },
                { name: 'reviews', upstream: 'reviews', path: '/reviews/{params.id}', timeoutMs: 300, optional: true },
              ],
            },
          },
          {
            path: '/{id}/strict',
            backend: { kind: 'aggregate', calls: [{ name: 'profile', path: '/profiles/{params.id}' }, { name: 'orders', upstream: 'orders', path: '/orders' }] },
          },
          {
            path: '/{id}/hang',
            timeoutMs: 60_000,
            backend: { kind: 'aggregate', calls: [{ name: 'profile', path: '/profiles/{params.id}' }, { name: 'reviews', upstream: 'reviews', path: '/reviews/{params.id}' }, { name: 'more', upstream: 'reviews', path: '/more/{params.id}', optional: true }] },
          },
        ],
      },
      { slug: 'orders', name: 'Orders', basePath: '/orders', status: 'published', upstream: { targets: [{ url: orders.url }] } },
      { slug: 'reviews', name: 'Reviews', basePath: '/reviews', status: 'published', upstream: { targets: [{ url: reviews.url }] } },
    ],
    plans: [{ slug: 'free', name: 'Free', apis: ['customers'] }],
    teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'customers', plan: 'free' }] }] }],
  });
  await applyConfig(t.db, config, { baseDir: null });
  ({ key } = await createApiKey(t.db, { appSlug: 'acme-app' }));
  gateway = await startTestGateway(t.url, { GATEWAY_USAGE_FLUSH_MS: 100 });
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([profiles?.close(), orders?.close(), reviews?.close()]);
});

const auth = () => ({ authorization: `Bearer ${key}` });

describe('aggregate backend', () => {
  it('merges the answers under their names, lists the failed optional calls in errors, and is bounded by the call timeout', async () => {
    const started = performance.now();
    const response = await fetch(`${gateway.url}/customers/42/overview?expand=orders`, { headers: auth() });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      profile: { url: '/profiles/42?app=acme-app&expand=orders', consumer: 'acme-app', authorization: null },
      orders: null,
      reviews: null,
      errors: [
        { call: 'orders', code: 'upstream_failed', status: 500, detail: 'The upstream answered 500.' },
        { call: 'reviews', code: 'upstream_timeout', detail: 'The upstream did not answer in time.' },
      ],
    });
    expect(orders.received.at(-1)!.url).toBe('/orders?customer=42');
    // The reviews call gave up at its own 300 ms, not at the route's 60 s deadline.
    expect(elapsed).toBeLessThan(10_000);
    await vi.waitFor(() => expect(held.at(-1)!.closed).toBe(true), { timeout: 10_000 });
  });

  it('is metered as one call with the route weight', async () => {
    const response = await fetch(`${gateway.url}/customers/7/overview`, { headers: auth() });
    await response.arrayBuffer();
    const rows = () => t.db.requestLog.findMany({ where: { path: '/customers/7/overview' } });
    await eventually(async () => expect(await rows()).toHaveLength(1), 10_000);
    expect(await rows()).toMatchObject([{ status: 200, units: 5, routeKey: 'GET /{id}/overview' }]);
  });

  it('answers 502 problem+json naming a required call that failed', async () => {
    const response = await fetch(`${gateway.url}/customers/42/strict`, { headers: auth() });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ code: 'aggregate_call_failed', call: 'orders', callCode: 'upstream_failed', callStatus: 500 });
    expect(problem.detail).toContain('"orders"');
  });

  it('closes the upstream connections of every call in flight when the client leaves', async () => {
    const before = held.length;
    const client = new AbortController();
    const pending = fetch(`${gateway.url}/customers/9/hang`, { headers: auth(), signal: client.signal }).catch((error: unknown) => error);
    await vi.waitFor(() => expect(held.length).toBe(before + 2), { timeout: 10_000 });
    const calls = held.slice(before);
    expect(calls.some((call) => call.closed)).toBe(false);
    client.abort();
    await pending;
    // Without the client's cancellation reaching them the calls would wait for their 60 s timeout.
    await vi.waitFor(() => expect(calls.map((call) => call.closed)).toEqual([true, true]), { timeout: 10_000 });
  });
});
