import { useTestDatabase } from '@tollgate/db/testing';
import { hashApiKey } from '@tollgate/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../apis';
import { createApp } from '../apps';
import type { Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createPlan } from '../plans';
import { createSubscription } from '../subscriptions';
import { createTeam } from '../teams';
import { createKey, getKey, listKeys, revokeKey } from './index';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000a', label: 'ci', role: 'admin' };
const viewer: Principal = { ...admin, role: 'viewer' };
const changesOf = async (revision: bigint) => t.db.configChange.findMany({ where: { revision } });
const revision = async () => (await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;

beforeAll(async () => {
  await runOperation(t.db, admin, createApi, { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published' });
  await runOperation(t.db, admin, createPlan, { slug: 'free', name: 'Free', apis: ['weather'] });
  await runOperation(t.db, admin, createTeam, { slug: 'acme', name: 'Acme' });
  await runOperation(t.db, admin, createApp, { slug: 'acme-app', name: 'Acme App', team: 'acme' });
  await runOperation(t.db, admin, createApp, { slug: 'other-app', name: 'Other', team: 'acme' });
  await runOperation(t.db, admin, createSubscription, { app: 'acme-app', api: 'weather', plan: 'free' });
});

describe('key operations', () => {
  it('creates a key shown once (only its hash stored) and lists it without any secret', async () => {
    const created = await runOperation(t.db, admin, createKey, { app: 'acme-app', name: 'ci', scopes: ['weather'] });
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).hash).toBe(hashApiKey(created.key));
    const page = await runOperation(t.db, viewer, listKeys, { app: 'acme-app' });
    const listed = page.items.find((key) => key.id === created.id)!;
    expect(Object.keys(listed).sort()).toEqual(['app', 'createdAt', 'environment', 'excludedFromAnalytics', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scopes', 'state', 'team']);
    expect(JSON.stringify(page)).not.toContain(created.key.slice(created.prefix.length));
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { resourceId: created.id } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(created.key);
    await expect(runOperation(t.db, admin, createKey, { app: 'acme-app', scopes: ['maps'] })).rejects.toMatchObject({ invalidParams: [{ name: 'scopes[0]' }] });
    await expect(runOperation(t.db, admin, createKey, { app: 'nope' })).rejects.toMatchObject({ invalidParams: [{ name: 'app' }] });
    await expect(runOperation(t.db, admin, createKey, { app: 'acme-app', expiresAt: '2001-01-01T00:00:00Z' })).rejects.toMatchObject({ invalidParams: [{ name: 'expiresAt' }] });
  });

  it('revokes with a config revision that names only the key, so gateways patch their key table', async () => {
    const created = await runOperation(t.db, admin, createKey, { app: 'acme-app', name: 'to revoke' });
    const before = await revision();
    const revoked = await runOperation(t.db, admin, revokeKey, { id: created.id });
    expect(revoked).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) });
    expect(await revision()).toBe(before + 1n);
    expect((await changesOf(before + 1n)).map((change) => [change.entityType, change.entityId])).toEqual([['key', created.id]]);
    expect(await runOperation(t.db, admin, revokeKey, { id: created.id })).toEqual(revoked);
    expect((await t.db.auditLog.findMany({ where: { resourceId: created.id, action: 'keys.revoke' } })).length).toBe(2);
    await expect(runOperation(t.db, viewer, revokeKey, { id: created.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runOperation(t.db, admin, revokeKey, { id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runOperation(t.db, viewer, getKey, { id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('filters by state and team and pages newest first', async () => {
    for (const name of ['a', 'b', 'c']) await runOperation(t.db, admin, createKey, { app: 'other-app', name });
    const revokedOnes = await runOperation(t.db, viewer, listKeys, { state: 'revoked' });
    expect(revokedOnes.items.every((key) => key.state === 'revoked')).toBe(true);
    expect(revokedOnes.items.length).toBeGreaterThan(0);
    const first = await runOperation(t.db, viewer, listKeys, { app: 'other-app', limit: 2 });
    expect(first.items.map((key) => key.name)).toEqual(['c', 'b']);
    const second = await runOperation(t.db, viewer, listKeys, { app: 'other-app', limit: 2, cursor: first.next_cursor });
    expect(second).toMatchObject({ items: [{ name: 'a' }], next_cursor: null });
    expect((await runOperation(t.db, viewer, listKeys, { team: 'acme', q: 'to rev' })).items.map((key) => key.name)).toEqual(['to revoke']);
  });
});
