import { fileURLToPath } from 'node:url';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/support/run-cli';

const t = useTestDatabase();
const fixture = (name: string) => fileURLToPath(new URL(`../../../operations/src/discovery/import/fixtures/${name}`, import.meta.url));

interface Listed {
  method: string;
  path: string;
  kind: string;
  hits: number;
  host: string;
  sources: string[];
  credentialsSeen: boolean;
  unauthenticatedHits: number;
}

beforeAll(async () => {
  const upstream = { targets: [{ url: 'http://127.0.0.1:4010' }] };
  await applyConfig(
    t.db,
    ZConfigFile.parse({
      apis: [
        {
          slug: 'shop',
          name: 'Shop',
          basePath: '/shop',
          status: 'published',
          upstream,
          openapi: { openapi: '3.1.0', info: { title: 'Shop', version: '1' }, paths: { '/orders/{orderId}': { get: { responses: { 200: { description: 'ok' } } } } } },
          routes: [{ path: '/orders/{orderId}', methods: ['GET'] }],
        },
        { slug: 'legacy', name: 'Legacy', basePath: '/legacy', status: 'retired', upstream, routes: [{ path: '/items/{id}', methods: ['GET'] }] },
      ],
    }),
    { baseDir: process.cwd() },
  );
});

const list = async () => {
  const result = await runCli(['discover', 'list', '--json'], { DATABASE_URL: t.url });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Listed[];
};

describe('tollgate discover import', () => {
  it('reads an nginx combined log: templates, classes, one line per bad input', async () => {
    const result = await runCli(['discover', 'import', fixture('nginx-access.log'), '--json'], { DATABASE_URL: t.url });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'combined', records: 8, badLines: 1 });
    expect(result.stderr).toContain('line 7: not a combined (nginx/Apache) log line: this line is not an access log line');
    const rows = await list();
    const byKey = Object.fromEntries(rows.filter((row) => row.sources.includes('import')).map((row) => [`${row.method} ${row.path}`, row.kind]));
    expect(byKey).toEqual({
      'DELETE /shop/orders/{orderId}': 'undocumented-method',
      'GET /shop/admin/export/{date}': 'shadow',
      'GET /shop/customers/{id}/cards': 'shadow',
      'GET /legacy/items/{id}': 'zombie',
      'GET /shop/v2/files/report-2024.pdf': 'shadow',
    });
    expect(rows.find((row) => row.path === '/shop/admin/export/{date}')!.hits).toBe(2);
  });

  it('reads a HAR file as a stream: hosts from the URLs, credentials from the headers', async () => {
    const result = await runCli(['discover', 'import', fixture('browser-session.har'), '--json'], { DATABASE_URL: t.url });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'har', records: 4, badLines: 1 });
    expect(result.stderr).toContain('entry 4: has no request method and url');
    const rows = (await list()).filter((row) => row.host === 'shop.example.com');
    expect(rows.map((row) => `${row.method} ${row.path} ${row.kind}`).sort()).toEqual(['GET /shop/wishlist/{id} shadow', 'PATCH /shop/orders/{orderId} undocumented-method']);
    expect(rows.find((row) => row.path === '/shop/wishlist/{id}')).toMatchObject({ hits: 2, credentialsSeen: true, unauthenticatedHits: 1 });
  });

  it('list --kind filters, and an unknown file format is refused with problem+json', async () => {
    const zombies = JSON.parse((await runCli(['discover', 'list', '--kind', 'zombie', '--json'], { DATABASE_URL: t.url })).stdout) as Listed[];
    expect(zombies.map((row) => row.path)).toEqual(['/legacy/items/{id}']);
    const refused = await runCli(['discover', 'import', fileURLToPath(import.meta.url), '--json'], { DATABASE_URL: t.url });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr)).toMatchObject({ status: 400, code: 'invalid_params' });
  });

  it('lists documented routes nobody called as orphans', async () => {
    const orphans = JSON.parse((await runCli(['discover', 'list', '--kind', 'orphan', '--orphan-days', '0', '--json'], { DATABASE_URL: t.url })).stdout) as Listed[];
    expect(orphans.map((row) => `${row.method} ${row.path}`)).toEqual(['GET /shop/orders/{orderId}']);
  });
});
