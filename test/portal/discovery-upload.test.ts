// A log bigger than the portal's body cap, uploaded through the real portal server: the two
// upload paths (the admin API and the console's) take it whole, streamed to disk, while
// every other path still refuses it; the console's path only from the site's own pages.
import { hashPassword } from '@tollgate/domain';
import { useTestDatabase } from '@tollgate/db/testing';
import { CLI_PRINCIPAL, createApi, listDiscoveredEndpoints, runOperation } from '@tollgate/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../support/portal';
import { signInOverHttp } from './sign-in-over-http';

const t = useTestDatabase();
const ADMIN = { email: 'upload-admin@example.com', password: 'upload admin password' };
const ADMIN_TOKEN = 'discovery-upload-admin-token-0123456789';
const CAP = 256 * 1024;

/** An nginx log of about `bytes`: 4 templates, one line that is not a log line. */
/** An ASCII access log of about `bytes` bytes (sent as a string: one byte a character). */
function bigLog(bytes: number): { body: string; lines: number } {
  const lines: string[] = ['this line is not an access log line'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `10.0.${i % 250}.${i % 200} - - [06/Dec/2026:10:00:01 +0000] "GET /bulk/area-${i % 4}/items/${100_000 + i} HTTP/1.1" 200 512 "-" "load/1.0"`;
    lines.push(line);
    size += line.length + 1;
  }
  return { body: `${lines.join('\n')}\n`, lines: lines.length - 1 };
}

let portal: RunningPortal;
/** Past Next.js's 10 MiB proxyClientMaxBodySize too: proxy.ts would cut a body this size short if it ran on the upload path. */
const log = bigLog(11 * 1024 * 1024);

beforeAll(async () => {
  await t.db.user.create({ data: { email: ADMIN.email, name: 'Upload Admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) } });
  await runOperation(t.db, CLI_PRINCIPAL, createApi, { slug: 'bulk', name: 'Bulk', basePath: '/bulk', status: 'published' });
  portal = await startPortal({ databaseUrl: t.url, env: { ADMIN_TOKEN, PORTAL_MAX_BODY_BYTES: String(CAP) } });
}, 600_000);

afterAll(async () => {
  await portal?.stop();
});

describe('log uploads past the body cap', () => {
  it('POST /api/admin/v1/discovery/imports takes an 11 MiB body past a 256 KiB cap, and other paths still refuse it', async () => {
    const response = await fetch(`${portal.url}/api/admin/v1/discovery/imports?name=bulk.log`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/plain' }, body: log.body });
    expect(response.status, await response.clone().text()).toBe(201);
    expect(await response.json()).toMatchObject({ file: 'bulk.log', format: 'combined', records: log.lines, badLines: 1, templates: 4, stored: 4 });
    const rows = await runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {});
    expect(rows.filter((row) => /^\/bulk\/area-\d+\/items\/\{id\}$/.test(row.path))).toHaveLength(4);
    const refused = await fetch(`${portal.url}/api/admin/v1/apis`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: log.body });
    expect(refused.status).toBe(413);
  }, 120_000);

  it("the console's upload path takes it from a signed-in admin on the site's own pages, and refuses another site", async () => {
    const session = await signInOverHttp(portal.url, ADMIN);
    expect(session.signedIn).toBe(true);
    const upload = (headers: Record<string, string>) => fetch(`${portal.url}/admin/discovery/imports?name=console.log`, { method: 'POST', headers: { cookie: session.cookie, 'content-type': 'application/octet-stream', ...headers }, body: log.body });
    const foreign = await upload({ origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('content-type')).toBe('application/problem+json');
    const own = await upload({ origin: portal.url, 'sec-fetch-site': 'same-origin' });
    expect(own.status, await own.clone().text()).toBe(201);
    expect(await own.json()).toMatchObject({ file: 'console.log', records: log.lines, templates: 4 });
    const audit = await t.db.auditLog.findMany({ where: { action: 'discovery.import' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((entry) => entry.actorLabel)).toEqual(['bootstrap', ADMIN.email]);
  }, 120_000);
});
