// What an admin does to APIs and routes through the operations layer (console, admin API
// and CLI alike) is served by a running gateway within a second, through LISTEN/NOTIFY
// alone (its heartbeat is a minute): a new route, a changed route, and a deprecation with its
// Deprecation and Sunset headers.
import { useTestDatabase } from '@tollgate/db/testing';
import { createApi, createRoute, listRoutes, runOperation, updateApi, updateRoute, type Principal } from '@tollgate/operations';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { eventually, startTestGateway } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-0000000000ae', label: 'deploy', role: 'admin' };
let upstream: TestUpstream;
let gateway: RunningGateway;
const run = (operation: Parameters<typeof runOperation>[2], input: unknown) => runOperation(t.db, admin, operation, input);

beforeAll(async () => {
  upstream = await startTestUpstream();
  await run(createApi, { slug: 'orders', name: 'Orders', basePath: '/orders', status: 'published', upstream: { targets: [{ url: upstream.url }] } });
  await run(createRoute, { apiSlug: 'orders', path: '/status', methods: ['GET'], auth: 'none' });
  gateway = await startTestGateway(t.url, { GATEWAY_HEARTBEAT_MS: 60_000 });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

const get = async (path: string) => {
  const response = await fetch(`${gateway.url}${path}`);
  await response.arrayBuffer();
  return response;
};

it('serves a route added through the operation within a second, and follows a change to it', async () => {
  expect((await get('/orders/items/7')).status).toBe(404);
  await run(createRoute, { apiSlug: 'orders', path: '/items/{id}', methods: ['GET'], auth: 'none' });
  const added = await eventually(async () => expect((await get('/orders/items/7')).status).toBe(200), 1_000);
  expect(added).toBeLessThan(1_000);
  const routes = (await run(listRoutes, { apiSlug: 'orders' })) as { items: { id: string; path: string }[] };
  const items = routes.items.find((route) => route.path === '/items/{id}')!;
  await run(updateRoute, { apiSlug: 'orders', routeId: items.id, methods: ['POST'] });
  await eventually(async () => expect((await get('/orders/items/7')).status).toBe(405), 1_000);
});

it('announces a deprecation made through the operation within a second', async () => {
  const sunsetAt = '2027-06-30T00:00:00.000Z';
  await run(updateApi, { apiSlug: 'orders', status: 'deprecated', sunsetAt });
  await eventually(async () => {
    const response = await get('/orders/status');
    expect(response.headers.get('deprecation')).toMatch(/^@\d+$/);
    expect(response.headers.get('sunset')).toBe(new Date(sunsetAt).toUTCString());
  }, 1_000);
});
