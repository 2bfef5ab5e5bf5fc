// The CLI's config commands through both doors: the admin API (TOLLGATE_URL + a token,
// acting as the token's owner) and the database (acting as `cli`). Same operations, same
// audit entries; export then apply is a no-op either way.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useAdminApi } from '@/test/use-admin-api';
import { runCli } from '../../../../../../../../test/support/run-cli';

const { t, tokens } = useAdminApi();
let server: Server;
let portalUrl = '';
const dir = mkdtempSync(path.join(tmpdir(), 'tollgate-cli-api-'));

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

/** A real HTTP server in front of the admin API's config route handlers. */
async function serveConfigRoutes(): Promise<Server> {
  const routes: Record<string, () => Promise<Handler>> = {
    'POST /api/admin/v1/config/apply': async () => (await import('./apply/route')).POST as Handler,
    'GET /api/admin/v1/config/export': async () => (await import('./export/route')).GET as Handler,
  };
  const http = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const route = routes[`${req.method} ${req.url}`];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const request = new Request(`http://portal.test${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body });
    const response = await (await route())(request, { params: Promise.resolve({}) as Promise<never> });
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return http;
}

beforeAll(async () => {
  server = await serveConfigRoutes();
  portalUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  writeFileSync(path.join(dir, 'orders.openapi.yaml'), 'openapi: 3.1.0\ninfo: { title: Orders, version: "1" }\npaths:\n  /orders/{id}:\n    get:\n      responses: { "200": { description: ok } }\n');
  writeFileSync(
    path.join(dir, 'tollgate.yaml'),
    [
      'apis:',
      '  - slug: orders',
      '    name: Orders',
      '    basePath: /orders',
      '    status: published',
      '    openapi: ./orders.openapi.yaml',
      '    upstream: { targets: [{ url: "http://127.0.0.1:4010" }] }',
      '    routes: [{ path: "/orders/{id}", methods: [GET], validateRequest: true }]',
      'plans: [{ slug: free, name: Free, apis: [orders] }]',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

const viaApi = (token: string) => ({ TOLLGATE_URL: portalUrl, TOLLGATE_TOKEN: token, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' });
const viaDb = () => ({ DATABASE_URL: t.url, TOLLGATE_URL: '' });

describe('tollgate apply, diff and export through the admin API', () => {
  it('applies as the token owner, with the OpenAPI file read by the CLI and sent inline', async () => {
    const applied = await runCli(['apply', '-f', path.join(dir, 'tollgate.yaml')], viaApi(tokens.admin));
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('+ api orders');
    const api = await t.db.api.findUniqueOrThrow({ where: { slug: 'orders' } });
    expect((api.openapi as { info: { title: string } }).info.title).toBe('Orders');
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'config.apply' } });
    expect(audit).toMatchObject({ actorType: 'token', actorLabel: 'test admin', resourceType: 'config' });
  });

  it('diff says nothing would change, and export then apply changes nothing', async () => {
    const diff = await runCli(['diff', '-f', path.join(dir, 'tollgate.yaml')], viaApi(tokens.admin));
    expect(diff.stdout).toContain('no changes');
    const exported = await runCli(['export'], viaApi(tokens.viewer));
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('slug: orders');
    const file = path.join(dir, 'exported.yaml');
    writeFileSync(file, exported.stdout);
    const again = await runCli(['apply', '-f', file, '--json'], viaApi(tokens.admin));
    expect(JSON.parse(again.stdout)).toMatchObject({ changes: [], dryRun: false });
    const direct = await runCli(['apply', '-f', file, '--json'], viaDb());
    expect(JSON.parse(direct.stdout)).toMatchObject({ changes: [] });
  });

  it('a viewer token may export but not apply: one readable line, nothing written', async () => {
    const before = await t.db.auditLog.count();
    const refused = await runCli(['apply', '-f', path.join(dir, 'tollgate.yaml')], viaApi(tokens.viewer));
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual(['tollgate: config.apply needs the admin role.']);
    expect(await t.db.auditLog.count()).toBe(before);
  });

  it('a bad file is refused before anything is sent, naming the YAML path', async () => {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'apis:\n  - slug: broken\n    name: Broken\n    basePath: no-slash\n    upstream: { targets: [{ url: "ftp://x" }] }\n');
    const refused = await runCli(['apply', '-f', bad], viaApi(tokens.admin));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('apis[0].basePath');
    expect(refused.stderr).toContain('apis[0].upstream.targets[0].url');
  });

  it('says which setting is wrong when the admin API cannot be reached', async () => {
    const refused = await runCli(['export'], { TOLLGATE_URL: 'http://127.0.0.1:1', TOLLGATE_TOKEN: tokens.admin });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^tollgate: cannot reach the admin API at http:\/\/127\.0\.0\.1:1 .*TOLLGATE_URL/);
  });
});
