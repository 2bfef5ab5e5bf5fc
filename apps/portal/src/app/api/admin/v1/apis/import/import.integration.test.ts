import { describe, expect, it } from 'vitest';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const route = () => import('./route');
const PATH = '/api/admin/v1/apis/import';
const doc = (paths: Record<string, unknown>) => JSON.stringify({ openapi: '3.1.0', info: { title: 'Billing', version: '3' }, paths });

describe('POST /api/admin/v1/apis/import', () => {
  it('creates the API and its routes (201), then updates it (200), audited as the token', async () => {
    const { POST } = await route();
    const body = { source: { kind: 'text', text: doc({ '/invoices/{id}': { get: {}, delete: {} } }) } };
    const created = await call(POST, 'POST', PATH, { token: tokens.admin, body });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/admin/v1/apis/billing');
    expect(await json(created)).toMatchObject({ created: true, version: '3', api: { slug: 'billing' }, routes: { created: ['GET /invoices/{id}', 'DELETE /invoices/{id}'] } });
    const again = await call(POST, 'POST', PATH, { token: tokens.admin, body });
    expect(again.status).toBe(200);
    expect(await t.db.auditLog.count({ where: { action: 'apis.import', actorLabel: 'test admin' } })).toBe(2);
  });

  it('answers bad documents with problem+json naming the field, refuses viewers and loopback URLs', async () => {
    const { POST } = await route();
    const unclosed = await call(POST, 'POST', PATH, { token: tokens.admin, body: { source: { kind: 'text', text: doc({ '/a/{id': { get: {} } }) } } });
    expect(unclosed.status).toBe(400);
    expect(await json(unclosed)).toMatchObject({ code: 'invalid_params', invalid_params: [{ name: 'document.paths["/a/{id"]' }] });
    const viewer = await call(POST, 'POST', PATH, { token: tokens.viewer, body: { source: { kind: 'text', text: doc({}) } } });
    expect(viewer.status).toBe(403);
    const loopback = await call(POST, 'POST', PATH, { token: tokens.admin, body: { source: { kind: 'url', url: 'http://localhost:9/openapi.json' } } });
    expect(loopback.status).toBe(400);
    expect(await json(loopback)).toMatchObject({ invalid_params: [{ name: 'source.url', reason: expect.stringContaining('loopback') }] });
    expect(await t.db.api.count({ where: { slug: { not: 'billing' } } })).toBe(0);
  });
});
