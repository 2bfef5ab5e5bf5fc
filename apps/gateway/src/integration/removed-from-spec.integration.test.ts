// An endpoint dropped from an API's OpenAPI document but still called, through a real
// gateway: documented (not recorded) while the document describes it, a zombie with the
// reason "removed from the spec" once an applied document leaves it out.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { CLI_PRINCIPAL, listDiscoveredEndpoints, runOperation } from '@tollgate/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawRequest } from '../testing/raw-request';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;

const get = { responses: { 200: { description: 'ok' } } };
const apply = (paths: string[]) =>
  applyConfig(
    t.db,
    ZConfigFile.parse({
      apis: [
        {
          slug: 'shop',
          name: 'Shop',
          basePath: '/shop',
          status: 'published',
          openapi: { openapi: '3.1.0', info: { title: 'Shop', version: '1' }, paths: Object.fromEntries(paths.map((path) => [path, { get }])) },
          upstream: { targets: [{ url: upstream.url }] },
          routes: [{ path: '/*', methods: ['GET'], auth: 'none' }],
        },
      ],
    }),
    { baseDir: process.cwd() },
  );
const list = () => runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {});

beforeAll(async () => {
  upstream = await startTestUpstream();
  await apply(['/orders', '/carts/{cartId}']);
  gateway = await startTestGateway(t.url, { GATEWAY_USAGE_FLUSH_MS: 100 });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

describe('endpoints removed from the spec, through the gateway', () => {
  it('are zombies once the applied document leaves them out, while the others stay documented', async () => {
    for (const path of ['/shop/orders', '/shop/carts/7']) expect((await rawRequest(gateway.url, path)).status).toBe(200);
    await apply(['/orders']);
    const deadline = Date.now() + 5_000;
    let rows = await list();
    while (!rows.some((row) => row.path === '/shop/carts/{id}') && Date.now() < deadline) {
      for (const path of ['/shop/orders', '/shop/carts/7']) await rawRequest(gateway.url, path);
      await new Promise((resolve) => setTimeout(resolve, 100));
      rows = await list();
    }
    expect(rows.map((row) => ({ path: row.path, kind: row.kind, reason: row.reason, api: row.api }))).toEqual([{ path: '/shop/carts/{id}', kind: 'zombie', reason: 'removed from the spec', api: 'shop' }]);
  });
});
