import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { importApi } from '../apis/import-openapi';
import { CLI_PRINCIPAL } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { listDiscoveredEndpoints } from './list-discovered-endpoints';
import type { DiscoveryObservation } from './observation';
import { recordObservations } from './record-observations';

const t = useTestDatabase();

const get = { responses: { 200: { description: 'ok' } } };
const spec = (paths: string[]) => ({ openapi: '3.1.0', info: { title: 'Shop', version: '1' }, paths: Object.fromEntries(paths.map((path) => [path, { get }])) });
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
          openapi: spec(paths),
          upstream: { targets: [{ url: 'http://127.0.0.1:9' }] },
          routes: [
            { path: '/orders', methods: ['GET'], auth: 'none' },
            { path: '/*', methods: ['GET'], auth: 'none' },
          ],
        },
      ],
    }),
    { baseDir: process.cwd() },
  );

const seen = (template: string): DiscoveryObservation => ({
  host: '',
  method: 'GET',
  template,
  hits: 2,
  statuses: { 200: 2 },
  consumers: ['10.0.0.1'],
  credentialsSeen: false,
  unauthenticatedHits: 2,
  firstSeenAt: new Date(),
  lastSeenAt: new Date(),
  samples: {},
  source: 'gateway',
});
const record = (templates: string[]) => t.db.$transaction((tx) => recordObservations(tx, templates.map(seen)));
const inventory = async () => Object.fromEntries((await runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {})).map((row) => [row.path, row]));

describe('endpoints removed from the spec', () => {
  it('are documented while the spec describes them', async () => {
    await apply(['/orders', '/carts/{cartId}']);
    await record(['/shop/orders', '/shop/carts/{id}']);
    expect(await inventory()).toEqual({});
  });

  it('are zombies once an applied spec leaves them out, and still called', async () => {
    await apply(['/orders']);
    await record(['/shop/orders', '/shop/carts/{id}']);
    const rows = await inventory();
    expect(Object.keys(rows)).toEqual(['/shop/carts/{id}']);
    expect(rows['/shop/carts/{id}']).toMatchObject({ kind: 'zombie', reason: 'removed from the spec', api: 'shop', hits: 2 });
  });

  it('are zombies when an imported document leaves them out, even with their route still in place', async () => {
    await runOperation(t.db, CLI_PRINCIPAL, importApi, { slug: 'shop', source: { kind: 'text', text: JSON.stringify(spec(['/carts/{cartId}'])) } });
    await record(['/shop/orders']);
    expect((await inventory())['/shop/orders']).toMatchObject({ kind: 'zombie', reason: 'removed from the spec' });
    expect(await t.db.removedApiOperation.findMany({ select: { method: true, path: true } })).toEqual([{ method: 'GET', path: '/orders' }]);
  });

  it('are documented again when the spec brings them back', async () => {
    await apply(['/orders', '/carts/{id}']);
    expect(await t.db.removedApiOperation.count()).toBe(0);
    await t.db.discoveredEndpoint.deleteMany();
    await record(['/shop/orders', '/shop/carts/{id}']);
    expect(await inventory()).toEqual({});
  });
});
