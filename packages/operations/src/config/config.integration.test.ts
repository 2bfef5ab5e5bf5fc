import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { CLI_PRINCIPAL, type Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { applyConfigFile, exportConfigFile } from './index';

const t = useTestDatabase();
const viewer: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000b', label: 'read-only', role: 'viewer' };

const file = (name = 'Weather') => ({
  apis: [{ slug: 'weather', name, basePath: '/weather', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] }, routes: [{ path: '/forecast/{city}' }] }],
  plans: [{ slug: 'free', name: 'Free', apis: ['weather'] }],
});

describe('config.apply and config.export', () => {
  it('applies in one transaction with one audit entry naming the changes', async () => {
    const result = await applyConfigFile(t.db, CLI_PRINCIPAL, { config: file() }, { requestId: 'r-1' });
    expect(result.changes.map((change) => `${change.action} ${change.kind}`)).toEqual(expect.arrayContaining(['create api', 'create route', 'create plan']));
    const entries = await t.db.auditLog.findMany({ where: { resourceType: 'config' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorType: 'cli', action: 'config.apply', requestId: 'r-1' });
    expect((entries[0]!.after as { changes: string[] }).changes).toContain('create api weather');
  });

  it('a dry run says what would change and writes nothing, not even an audit entry', async () => {
    await applyConfigFile(t.db, CLI_PRINCIPAL, { config: file() });
    const before = await t.db.auditLog.count();
    const revision = (await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;
    const dry = await applyConfigFile(t.db, CLI_PRINCIPAL, { config: file('Weather 2'), dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, changes: [{ action: 'update', kind: 'api', name: 'weather' }] });
    expect((await t.db.api.findUniqueOrThrow({ where: { slug: 'weather' } })).name).toBe('Weather');
    expect(await t.db.auditLog.count()).toBe(before);
    expect((await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision).toBe(revision);
  });

  it('names the field of a bad file and refuses a file path for an OpenAPI document', async () => {
    await expect(applyConfigFile(t.db, CLI_PRINCIPAL, { config: { apis: [{ slug: 'Bad Slug' }] } })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: expect.arrayContaining([{ name: 'config.apis[0].slug', reason: expect.any(String) }]),
    });
    const withPath = { apis: [{ ...file().apis[0], openapi: '/etc/passwd' }] };
    await expect(applyConfigFile(t.db, CLI_PRINCIPAL, { config: withPath })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [{ name: 'apis[0].openapi' }] });
  });

  it('a viewer exports but cannot apply', async () => {
    await applyConfigFile(t.db, CLI_PRINCIPAL, { config: file() });
    await expect(applyConfigFile(t.db, viewer, { config: file() })).rejects.toMatchObject({ code: 'forbidden' });
    const exported = (await runOperation(t.db, viewer, exportConfigFile, {})) as { apis: { slug: string }[] };
    expect(exported.apis.map((api) => api.slug)).toEqual(['weather']);
    expect((await applyConfigFile(t.db, CLI_PRINCIPAL, { config: exported })).changes).toEqual([]);
  });
});
