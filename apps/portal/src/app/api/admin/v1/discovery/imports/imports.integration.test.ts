import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const imports = () => import('./route');
const collection = () => import('../route');
const PATH = '/api/admin/v1/discovery/imports';
const fixture = (name: string) => fileURLToPath(new URL(`../../../../../../../../../packages/operations/src/discovery/import/fixtures/${name}`, import.meta.url));

type Problem = { status: number; code: string; invalid_params?: { name: string; reason: string }[] };
type Page = { items: { method: string; path: string; kind: string; host: string; sources: string[]; hits: number }[] };

/** The file as a streamed request body, as a browser or curl --data-binary sends it. */
async function upload(file: string, name: string, token = tokens.admin): Promise<Response> {
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  const request = new Request(`http://portal.test${PATH}?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body,
    duplex: 'half',
  } as RequestInit);
  return (await imports()).POST(request, { params: Promise.resolve({}) as Promise<never> });
}
const leftovers = async () => (await readdir(tmpdir())).filter((entry) => entry.startsWith('tollgate-import-')).length;

beforeAll(async () => {
  const upstream = { targets: [{ url: 'http://127.0.0.1:4010' }] };
  const openapi = { openapi: '3.1.0', info: { title: 'Shop', version: '1' }, paths: { '/orders/{orderId}': { get: { responses: { 200: { description: 'ok' } } } } } };
  await applyConfig(
    t.db,
    ZConfigFile.parse({
      apis: [
        { slug: 'shop', name: 'Shop', basePath: '/shop', status: 'published', upstream, openapi, routes: [{ path: '/orders/{orderId}', methods: ['GET'] }] },
        { slug: 'legacy', name: 'Legacy', basePath: '/legacy', status: 'retired', upstream, routes: [{ path: '/items/{id}', methods: ['GET'] }] },
      ],
    }),
    { baseDir: process.cwd() },
  );
});

describe('POST /api/admin/v1/discovery/imports', () => {
  it('imports an nginx log sent as the body: a summary, and its templates in the inventory', async () => {
    const before = await leftovers();
    const response = await upload(fixture('nginx-access.log'), 'access.log');
    expect(response.status).toBe(201);
    expect(await json(response)).toEqual({ file: 'access.log', format: 'combined', records: 8, badLines: 1, templates: 6, overflow: 0, stored: 5, newShadows: 3 });
    const page = await json<Page>(await call((await collection()).GET, 'GET', '/api/admin/v1/discovery', { token: tokens.viewer }));
    const imported = page.items.filter((row) => row.sources.includes('import')).map((row) => `${row.method} ${row.path} ${row.kind}`);
    expect(imported.sort()).toEqual([
      'DELETE /shop/orders/{orderId} undocumented-method',
      'GET /legacy/items/{id} zombie',
      'GET /shop/admin/export/{date} shadow',
      'GET /shop/customers/{id}/cards shadow',
      'GET /shop/v2/files/report-2024.pdf shadow',
    ]);
    expect(await leftovers()).toBe(before);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'discovery.import' }, orderBy: { createdAt: 'desc' } });
    expect(audit.after).toMatchObject({ file: 'access.log', stored: 5 });
  });

  it('imports a HAR file sent as the body', async () => {
    const response = await upload(fixture('browser-session.har'), 'session.har');
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({ file: 'session.har', format: 'har', records: 4, badLines: 1 });
    const page = await json<Page>(await call((await collection()).GET, 'GET', '/api/admin/v1/discovery', { token: tokens.viewer }));
    const fromHar = page.items.filter((row) => row.host === 'shop.example.com').map((row) => `${row.method} ${row.path} ${row.kind}`);
    expect(fromHar.sort()).toEqual(['GET /shop/wishlist/{id} shadow', 'PATCH /shop/orders/{orderId} undocumented-method']);
  });

  it('refuses an unknown format and an empty body with invalid_params, and a declared size past 1 GiB with 413', async () => {
    const before = await leftovers();
    const unknown = await call((await imports()).POST, 'POST', PATH, { token: tokens.admin, body: 'hello\nthis is not a log\n', headers: { 'content-type': 'text/plain' } });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect(await json<Problem>(unknown)).toMatchObject({ code: 'invalid_params', invalid_params: [{ name: 'file', reason: 'unknown format' }] });
    const empty = await call((await imports()).POST, 'POST', PATH, { token: tokens.admin, body: '', headers: { 'content-type': 'text/plain' } });
    expect(await json<Problem>(empty)).toMatchObject({ status: 400, invalid_params: [{ name: 'file', reason: 'empty' }] });
    const huge = await call((await imports()).POST, 'POST', PATH, { token: tokens.admin, body: 'x', headers: { 'content-type': 'text/plain', 'content-length': String(2 * 1024 ** 3) } });
    expect(huge.status).toBe(413);
    expect(await leftovers()).toBe(before);
  });

  it('needs an admin token: none is 401, a viewer is 403', async () => {
    await expectRouteGuards({ module: await imports(), path: PATH, body: 'x' }, tokens);
    const viewer = await upload(fixture('nginx-access.log'), 'access.log', tokens.viewer);
    expect(viewer.status).toBe(403);
  });
});
