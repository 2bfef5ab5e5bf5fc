// Shadow-API discovery through a real gateway: undocumented traffic is templated,
// counted in memory, flushed off the request path and classified against the catalog;
// blocking a template changes the gateway's answer once its config follows.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { blockDiscoveredEndpoint, CLI_PRINCIPAL, ignoreDiscoveredEndpoint, listDiscoveredEndpoints, promoteDiscoveredEndpoint, runOperation } from '@tollgate/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawRequest } from '../testing/raw-request';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;

const openapi = {
  openapi: '3.1.0',
  info: { title: 'Shop', version: '1.0.0' },
  paths: {
    '/orders': { get: { responses: { 200: { description: 'ok' } } } },
    '/orders/{orderId}': { get: { responses: { 200: { description: 'ok' } } } },
  },
};

beforeAll(async () => {
  upstream = await startTestUpstream();
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'shop',
        name: 'Shop',
        basePath: '/shop',
        status: 'published',
        openapi,
        upstream: { targets: [{ url: upstream.url }] },
        routes: [
          { path: '/orders/{orderId}', methods: ['GET'], auth: 'none' },
          { path: '/*', methods: ['GET', 'POST', 'DELETE'], auth: 'none' },
        ],
      },
      {
        slug: 'billing',
        name: 'Billing',
        basePath: '/billing',
        status: 'published',
        openapi: { openapi: '3.1.0', info: { title: 'Billing', version: '1' }, paths: { '/invoices/{id}': { get: { responses: { 200: { description: 'ok' } } } } } },
        upstream: { targets: [{ url: upstream.url }] },
        routes: [{ path: '/invoices/{id}', methods: ['GET'], auth: 'none' }],
      },
      { slug: 'legacy', name: 'Legacy', basePath: '/legacy', status: 'deprecated', upstream: { targets: [{ url: upstream.url }] }, routes: [{ path: '/items/{id}', methods: ['GET'], auth: 'none' }] },
    ],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  await t.db.webhook.create({ data: { url: 'http://127.0.0.1:9/hooks', secret: 'whsec_discovery', eventTypes: ['dev.tollgate.discovery.shadow_found'] } });
  gateway = await startTestGateway(t.url, { GATEWAY_USAGE_FLUSH_MS: 100 });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

const list = () => runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('discovery in the gateway', () => {
  it('templates undocumented traffic and classifies it against the catalog', async () => {
    for (const path of ['/shop/orders/1', '/shop/orders/2', '/shop/orders']) expect((await rawRequest(gateway.url, path)).status).toBe(200);
    await rawRequest(gateway.url, '/shop/orders/5', { method: 'DELETE' });
    await rawRequest(gateway.url, '/shop/internal/debug');
    await rawRequest(gateway.url, '/shop/internal/debug', { headers: { authorization: 'Bearer something' } });
    for (const id of ['123', '456', '3fa85f64-5717-4562-b3fc-2c963f66afa6']) await rawRequest(gateway.url, `/shop/users/${id}`);
    await rawRequest(gateway.url, '/shop/users/me');
    await rawRequest(gateway.url, '/legacy/items/9');
    await rawRequest(gateway.url, '/nobody/serves/this');

    const found = await until(list, (rows) => rows.length >= 5);
    const byPath = Object.fromEntries(found.map((row) => [`${row.method} ${row.path}`, row]));
    expect(Object.keys(byPath).sort()).toEqual(['DELETE /shop/orders/{orderId}', 'GET /legacy/items/{id}', 'GET /shop/internal/debug', 'GET /shop/users/me', 'GET /shop/users/{id}']);
    expect(byPath['DELETE /shop/orders/{orderId}']!.kind).toBe('undocumented-method');
    expect(byPath['GET /legacy/items/{id}']!.kind).toBe('zombie');
    expect(byPath['GET /shop/users/{id}']).toMatchObject({ kind: 'shadow', hits: 3, api: 'shop', statuses: { 200: 3 }, sources: ['gateway'] });
    expect(byPath['GET /shop/internal/debug']).toMatchObject({ kind: 'shadow', hits: 2, credentialsSeen: true, unauthenticatedHits: 1, flags: ['unauthenticated-shadow'] });
    const events = await t.db.webhookDelivery.findMany({ where: { eventType: 'dev.tollgate.discovery.shadow_found' } });
    expect(events.map((event) => (event.payload as { subject: string }).subject).sort()).toEqual(['GET /shop/internal/debug', 'GET /shop/users/me', 'GET /shop/users/{id}']);
  });

  it('counts later traffic into the same rows', async () => {
    await rawRequest(gateway.url, '/shop/users/789');
    const rows = await until(list, (all) => all.find((row) => row.path === '/shop/users/{id}')?.hits === 4);
    expect(rows.find((row) => row.path === '/shop/users/{id}')!.hits).toBe(4);
  });

  it('a blocked template is answered with 410 problem+json within a second', async () => {
    const debug = (await list()).find((row) => row.path === '/shop/internal/debug')!;
    await runOperation(t.db, CLI_PRINCIPAL, blockDiscoveredEndpoint, { id: debug.id, status: 410 });
    const answered = await until(() => rawRequest(gateway.url, '/shop/internal/debug'), (response) => response.status === 410, 1_000);
    expect(answered.status).toBe(410);
    expect(answered.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(answered.body)).toMatchObject({ status: 410, code: 'endpoint_gone' });
    // Other paths are untouched.
    expect((await rawRequest(gateway.url, '/shop/internal/other')).status).toBe(200);
  });

  it('an ignored template is no longer counted by the gateway within a second', async () => {
    const counted = async () => Number(/^tollgate_gateway_discovery_requests_total (\d+)/m.exec(await (await fetch(`${gateway.adminUrl}/metrics`)).text())?.[1] ?? 0);
    /** Whether one call to `path` shows in the gateway's discovery count (given 200 ms to show). */
    const countsCall = async (path: string) => {
      const before = await counted();
      await rawRequest(gateway.url, path);
      return (await until(counted, (now) => now > before, 200)) > before;
    };
    expect(await countsCall('/shop/users/me')).toBe(true);
    const me = (await list()).find((row) => row.path === '/shop/users/me')!;
    await runOperation(t.db, CLI_PRINCIPAL, ignoreDiscoveredEndpoint, { id: me.id, ignored: true });
    // Counted until the gateway follows the change, then no longer.
    expect(await until(() => countsCall('/shop/users/me'), (counts) => !counts, 1_000)).toBe(false);
    expect(await countsCall('/shop/users/321')).toBe(true);
  });

  it('a promoted endpoint becomes a route the gateway serves within a second, with an OpenAPI stub', async () => {
    expect((await rawRequest(gateway.url, '/billing/refunds/5')).status).toBe(404);
    const rows = await until(list, (all) => all.some((row) => row.path === '/billing/refunds/{id}'));
    const refund = rows.find((row) => row.path === '/billing/refunds/{id}')!;
    expect(refund).toMatchObject({ kind: 'shadow', api: 'billing', statuses: { 404: 1 } });
    await runOperation(t.db, CLI_PRINCIPAL, promoteDiscoveredEndpoint, { id: refund.id, auth: 'none' });
    const answered = await until(() => rawRequest(gateway.url, '/billing/refunds/6'), (response) => response.status === 200, 1_000);
    expect(answered.status).toBe(200);
    const api = await t.db.api.findUniqueOrThrow({ where: { slug: 'billing' } });
    expect((api.openapi as { paths: Record<string, unknown> }).paths['/refunds/{id}']).toMatchObject({ get: { parameters: [{ name: 'id', in: 'path' }] } });
    // Documented now: later calls are not counted as discoveries, and the promoted row leaves the inventory.
    expect((await list()).some((row) => row.path === '/billing/refunds/{id}')).toBe(false);
  });
});
