import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createImportApi, importApi } from './import-openapi';
import { updateApi } from './update-api';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000a', label: 'ci', role: 'admin' };
const DEMO = readFileSync(path.resolve(import.meta.dirname, '../../../../apps/demo-upstream/openapi.yaml'), 'utf8');

const small = (paths: string, extra = '') => `openapi: 3.0.3\ninfo: { title: Orders Service, version: "2.1" }\nservers: [{ url: "https://orders.example.com/v2" }]\n${extra}paths:\n${paths}`;
const ORDERS = small(`  /orders:\n    get: { responses: { '200': { description: ok } } }\n    post: { responses: { '201': { description: ok } } }\n  /orders/{id}:\n    get: { security: [], responses: { '200': { description: ok } } }\n`);

let server: Server;
let docUrl = '';
let served = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    served += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ openapi: '3.1.0', info: { title: 'Remote', version: '1' }, paths: { '/things/{thing}': { delete: {} } } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  docUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openapi.json`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const auditCount = () => t.db.auditLog.count({ where: { action: 'apis.import' } });
const revision = async () => (await t.db.configState.findUnique({ where: { id: 1 } }))?.revision ?? 0n;

describe('apis.import', () => {
  it('creates the API, its upstream and a route per path and method, with one audit entry and one revision bump', async () => {
    const rev = await revision();
    const result = await runOperation(t.db, admin, importApi, { source: { kind: 'text', text: ORDERS } });
    expect(result).toMatchObject({ created: true, version: '2.1', api: { slug: 'orders-service', name: 'Orders Service', basePath: '/orders-service', status: 'draft', version: '2.1' } });
    expect(result.routes.created.sort()).toEqual(['GET /orders', 'GET /orders/{id}', 'POST /orders']);
    const routes = await t.db.route.findMany({ where: { apiId: result.api.id }, orderBy: { key: 'asc' } });
    expect(routes.map((route) => [route.key, route.auth])).toEqual([['GET /orders', 'key'], ['GET /orders/{id}', 'none'], ['POST /orders', 'key']]);
    const upstream = await t.db.upstream.findUniqueOrThrow({ where: { apiId: result.api.id }, include: { targets: true } });
    expect(upstream.targets.map((target) => target.url)).toEqual(['https://orders.example.com/v2']);
    expect((await t.db.api.findUniqueOrThrow({ where: { id: result.api.id } })).openapi).toMatchObject({ openapi: '3.0.3' });
    expect(await auditCount()).toBe(1);
    expect(await revision()).toBe(rev + 1n);
  });

  it('imports the demo upstream document under the names the form gives, then updates it without duplicating routes', async () => {
    const first = await runOperation(t.db, admin, importApi, { source: { kind: 'text', text: DEMO }, slug: 'demo', name: 'Demo', basePath: '/demo' });
    expect(first).toMatchObject({ created: true, version: '1.0.0', api: { slug: 'demo', name: 'Demo', basePath: '/demo' } });
    expect(first.routes.created).toContain('GET /weather/forecast/{city}');
    const again = await runOperation(t.db, admin, importApi, { source: { kind: 'text', text: DEMO }, slug: 'demo', visibility: 'partner' });
    expect(again).toMatchObject({ created: false, api: { name: 'Demo', basePath: '/demo', visibility: 'partner' }, routes: { created: [] } });
    expect(again.routes.existing.length).toBe(first.routes.created.length);
    expect(await t.db.route.count({ where: { apiId: first.api.id } })).toBe(first.routes.created.length);
  });

  it.each([
    ['not JSON or YAML', '{"openapi": "3.1.0", ', 'source.text', /neither valid JSON nor YAML/],
    ['YAML that is not an object', '- just\n- a list\n', 'source.text', /not an OpenAPI document/],
    ['Swagger 2.0', 'swagger: "2.0"\ninfo: { title: Old, version: "1" }\npaths: {}\n', 'document.openapi', /OpenAPI 3\.0 or 3\.1.*found swagger 2\.0/],
    ['OpenAPI 4', 'openapi: 4.0.0\ninfo: { title: New, version: "1" }\npaths: {}\n', 'document.openapi', /found "4\.0\.0"/],
    ['an unclosed path parameter', small(`  /a/{id:\n    get: {}\n`), 'document.paths["/a/{id"]', /parameter that is not closed/],
    ['no title and no slug', 'openapi: 3.1.0\ninfo: { version: "1" }\npaths: {}\n', 'slug', /required/],
  ])('refuses %s with one error naming the field, and writes nothing', async (_what, text, name, reason) => {
    const before = { apis: await t.db.api.count(), audits: await auditCount() };
    await expect(runOperation(t.db, admin, importApi, { source: { kind: 'text', text } })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [{ name, reason: expect.stringMatching(reason) }] });
    expect({ apis: await t.db.api.count(), audits: await auditCount() }).toEqual(before);
  });

  it('rolls back the API when a later rule refuses the import (a basePath taken by another API)', async () => {
    await expect(runOperation(t.db, admin, importApi, { source: { kind: 'text', text: ORDERS }, slug: 'orders-copy', basePath: '/orders-service' })).rejects.toMatchObject({ code: 'conflict', invalidParams: [{ name: 'basePath' }] });
    expect(await t.db.api.count({ where: { slug: 'orders-copy' } })).toBe(0);
  });

  it('keeps the lifecycle of an existing API: a published API stays published after a re-import', async () => {
    await runOperation(t.db, admin, updateApi, { apiSlug: 'orders-service', status: 'published' });
    const result = await runOperation(t.db, admin, importApi, { source: { kind: 'text', text: ORDERS } });
    expect(result).toMatchObject({ created: false, api: { status: 'published' }, routes: { created: [] } });
  });

  it('refuses to fetch a document from loopback, and fetches it when the program allows that address', async () => {
    await expect(runOperation(t.db, admin, importApi, { source: { kind: 'url', url: docUrl } })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [{ name: 'source.url', reason: expect.stringContaining('loopback') }] });
    expect(served).toBe(0);
    const allowed = createImportApi({ fetch: { allowAddresses: ['127.0.0.1'] } });
    const result = await runOperation(t.db, admin, allowed, { source: { kind: 'url', url: docUrl } });
    expect(result).toMatchObject({ api: { slug: 'remote' }, routes: { created: ['DELETE /things/{thing}'] } });
    expect(served).toBe(1);
    await expect(runOperation(t.db, admin, importApi, { source: { kind: 'url', url: 'file:///etc/passwd' } })).rejects.toMatchObject({ invalidParams: [{ name: 'source.url' }] });
  });
});
