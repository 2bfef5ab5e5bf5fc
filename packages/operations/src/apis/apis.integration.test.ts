import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { etagOf } from '../core/etag';
import type { Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { listAuditLog } from '../audit-log';
import { createApi, deleteApi, getApi, listApis, updateApi } from './index';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000a', label: 'ci', role: 'admin' };
const viewer: Principal = { ...admin, role: 'viewer' };
const create = (slug: string, extra: Record<string, unknown> = {}) => runOperation(t.db, admin, createApi, { slug, name: slug, basePath: `/${slug}`, ...extra });

describe('API operations', () => {
  it('creates with its upstream, reads, lists in pages and names a duplicate slug or basePath in a 409', async () => {
    const api = await create('orders', { upstream: { targets: [{ url: 'http://127.0.0.1:4010', weight: 2 }] } });
    expect(api).toMatchObject({ slug: 'orders', status: 'draft', visibility: 'public', sunsetAt: null });
    const upstream = await t.db.upstream.findUniqueOrThrow({ where: { apiId: api.id }, include: { targets: true } });
    expect(upstream.targets.map((target) => [target.url, target.weight])).toEqual([['http://127.0.0.1:4010', 2]]);
    expect(await runOperation(t.db, viewer, getApi, { slug: 'orders' })).toEqual(api);
    await expect(create('orders', { basePath: '/other' })).rejects.toMatchObject({ code: 'conflict', invalidParams: [{ name: 'slug' }] });
    await expect(create('orders-2', { basePath: '/orders' })).rejects.toMatchObject({ code: 'conflict', invalidParams: [{ name: 'basePath' }] });
    await create('billing');
    await create('catalog');
    const first = await runOperation(t.db, viewer, listApis, { limit: 2 });
    expect(first.items.map((item) => item.slug)).toEqual(['billing', 'catalog']);
    const second = await runOperation(t.db, viewer, listApis, { limit: 2, cursor: first.next_cursor });
    expect(second).toMatchObject({ items: [{ slug: 'orders' }], next_cursor: null });
    await expect(runOperation(t.db, viewer, listApis, { cursor: 'garbage!' })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [{ name: 'cursor' }] });
  });

  it('keeps tags and a version, replaces the tags on update and names a bad tag', async () => {
    const api = await create('payments', { tags: ['money', 'open-banking'], version: '1.4.0' });
    expect(api).toMatchObject({ tags: ['money', 'open-banking'], version: '1.4.0' });
    const updated = await runOperation(t.db, admin, updateApi, { apiSlug: 'payments', tags: ['cards'], version: '2.0.0' });
    expect(updated).toMatchObject({ tags: ['cards'], version: '2.0.0' });
    await expect(runOperation(t.db, admin, updateApi, { apiSlug: 'payments', tags: ['ok', 'Not OK'] })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'tags[1]' }],
    });
    expect(await runOperation(t.db, viewer, getApi, { slug: 'payments' })).toMatchObject({ tags: ['cards'], version: '2.0.0' });
    // The update's entry holds only what changed; the list names the record by its current slug.
    const entries = await runOperation(t.db, viewer, listAuditLog, { resourceId: api.id });
    expect(entries.items.map((entry) => [entry.action, entry.resourceLabel])).toEqual([['apis.update', 'payments'], ['apis.create', 'payments']]);
    expect(entries.items[0]!.after).not.toHaveProperty('slug');
  });

  it('follows the lifecycle draft -> published -> deprecated (with a sunset) -> retired and refuses jumps', async () => {
    await create('weather');
    await expect(runOperation(t.db, admin, updateApi, { apiSlug: 'weather', status: 'deprecated' })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'status', reason: 'cannot move from draft to deprecated' }],
    });
    await expect(runOperation(t.db, admin, updateApi, { apiSlug: 'weather', sunsetAt: '2030-01-01T00:00:00Z' })).rejects.toMatchObject({
      invalidParams: [{ name: 'sunsetAt' }],
    });
    await runOperation(t.db, admin, updateApi, { apiSlug: 'weather', hosts: ['api.example.com'] });
    await runOperation(t.db, admin, updateApi, { apiSlug: 'weather', status: 'published', visibility: 'partner' });
    const deprecated = await runOperation(t.db, admin, updateApi, { apiSlug: 'weather', status: 'deprecated', sunsetAt: '2030-01-01T00:00:00Z' });
    expect(deprecated).toMatchObject({ status: 'deprecated', visibility: 'partner', hosts: ['api.example.com'], sunsetAt: '2030-01-01T00:00:00.000Z' });
    const retired = await runOperation(t.db, admin, updateApi, { apiSlug: 'weather', status: 'retired' });
    expect(retired).toMatchObject({ status: 'retired', sunsetAt: null });
    const audit = await t.db.auditLog.findMany({ where: { resourceId: deprecated.id, action: 'apis.update' }, orderBy: { id: 'asc' } });
    expect(audit).toHaveLength(4);
    expect(audit[2]).toMatchObject({ before: { status: 'published', sunsetAt: null }, after: { status: 'deprecated', sunsetAt: '2030-01-01T00:00:00.000Z' } });
  });

  it('refuses a write whose If-Match is stale and accepts the current ETag', async () => {
    const api = await create('maps');
    const stale = etagOf(api);
    await runOperation(t.db, admin, updateApi, { apiSlug: 'maps', name: 'Maps v2' }, { ifMatch: stale });
    await expect(runOperation(t.db, admin, updateApi, { apiSlug: 'maps', name: 'Maps v3' }, { ifMatch: stale })).rejects.toMatchObject({ code: 'precondition_failed', status: 412 });
    const current = await runOperation(t.db, viewer, getApi, { slug: 'maps' });
    await expect(runOperation(t.db, admin, deleteApi, { slug: 'maps' }, { ifMatch: stale })).rejects.toMatchObject({ code: 'precondition_failed' });
    await runOperation(t.db, admin, deleteApi, { slug: 'maps' }, { ifMatch: etagOf(current) });
    await expect(runOperation(t.db, viewer, getApi, { slug: 'maps' })).rejects.toMatchObject({ code: 'not_found', status: 404 });
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { resourceId: api.id, action: 'apis.delete' } });
    expect(entry).toMatchObject({ before: expect.objectContaining({ name: 'Maps v2' }), after: null });
  });
});
