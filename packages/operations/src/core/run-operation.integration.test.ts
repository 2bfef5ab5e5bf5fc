import { useTestDatabase } from '@tollgate/db/testing';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createApi } from '../apis';
import { defineOperation } from './define-operation';
import type { Principal } from './principal';
import { runOperation } from './run-operation';

const t = useTestDatabase();

const admin: Principal = { kind: 'user', id: '00000000-0000-4000-8000-000000000001', label: 'ada@example.test', role: 'admin', ip: '203.0.113.9' };
const viewer: Principal = { kind: 'token', id: '00000000-0000-4000-8000-000000000002', label: 'dashboards', role: 'viewer' };

const revision = async () => (await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;
const apiInput = (slug: string) => ({ slug, name: 'Weather', basePath: `/${slug}`, upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] } });

describe('runOperation', () => {
  it('refuses a principal below the role before it looks at the input', async () => {
    await expect(runOperation(t.db, viewer, createApi, { nonsense: true })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    expect(await t.db.api.count()).toBe(0);
  });

  it('answers invalid_params with the path of every bad field', async () => {
    const error = await runOperation(t.db, admin, createApi, { slug: 'Bad Slug', name: '', basePath: 'no-slash', upstream: { targets: [{ url: 'ftp://x' }] } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_params', status: 400 });
    const names = (error as { invalidParams: { name: string }[] }).invalidParams.map((param) => param.name);
    expect(names).toEqual(expect.arrayContaining(['slug', 'name', 'basePath', 'upstream.targets[0].url']));
  });

  it('writes the record, one audit entry with who, where and what, and bumps the config revision, together', async () => {
    const before = await revision();
    const api = await runOperation(t.db, admin, createApi, apiInput('weather'), { requestId: 'req-1' });
    expect(await revision()).toBe(before + 1n);
    const changes = await t.db.configChange.findMany({ where: { revision: before + 1n } });
    expect(changes).toEqual([expect.objectContaining({ entityType: 'api', entityId: api.id })]);
    const entries = await t.db.auditLog.findMany({ where: { resourceId: api.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorType: 'user',
      actorId: admin.id,
      actorLabel: 'ada@example.test',
      action: 'apis.create',
      resourceType: 'api',
      ip: '203.0.113.9',
      requestId: 'req-1',
      before: null,
      after: expect.objectContaining({ slug: 'weather', basePath: '/weather' }),
    });
  });

  it('leaves nothing behind when a later step of the write fails', async () => {
    const failing = defineOperation({
      name: 'apis.create_then_fail',
      role: 'admin',
      input: z.object({ slug: z.string() }),
      audit: { resourceType: 'api' },
      async run(tx, input, ctx) {
        const row = await tx.api.create({ data: { slug: input.slug, name: 'Half', basePath: '/half' } });
        ctx.configChanged('api', row.id);
        ctx.audit({ resourceId: row.id, after: row });
        throw new Error('disk on fire');
      },
    });
    const [revisionBefore, auditBefore] = [await revision(), await t.db.auditLog.count()];
    await expect(runOperation(t.db, admin, failing, { slug: 'half' })).rejects.toThrow('disk on fire');
    expect(await t.db.api.findUnique({ where: { slug: 'half' } })).toBeNull();
    expect(await revision()).toBe(revisionBefore);
    expect(await t.db.auditLog.count()).toBe(auditBefore);
  });

  it('refuses a write that records no audit entry, and rolls it back', async () => {
    const silent = defineOperation({
      name: 'apis.silent',
      role: 'admin',
      input: z.object({}),
      audit: { resourceType: 'api' },
      async run(tx) {
        await tx.api.create({ data: { slug: 'silent', name: 'Silent', basePath: '/silent' } });
      },
    });
    await expect(runOperation(t.db, admin, silent, {})).rejects.toThrow('wrote no audit entry');
    expect(await t.db.api.findUnique({ where: { slug: 'silent' } })).toBeNull();
  });

  it('redacts secrets in the audit entry', async () => {
    const secretive = defineOperation({
      name: 'things.create',
      role: 'admin',
      input: z.object({}),
      audit: { resourceType: 'thing' },
      async run(_tx, _input, ctx) {
        ctx.audit({ resourceId: 'x', after: { name: 'n', secret: 's3cr3t', nested: { hash: 'abc' } } });
      },
    });
    await runOperation(t.db, admin, secretive, {});
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { resourceType: 'thing' } });
    expect(JSON.stringify(entry.after)).not.toMatch(/s3cr3t|abc/);
    expect(entry.after).toEqual({ name: 'n', secret: '[redacted]', nested: { hash: '[redacted]' } });
  });
});
