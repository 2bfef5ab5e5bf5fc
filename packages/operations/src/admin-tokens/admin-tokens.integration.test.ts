import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { CLI_PRINCIPAL, type Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { authenticateAdminToken, createAdminToken, listAdminTokens, revokeAdminToken } from './index';

const t = useTestDatabase();
const admin: Principal = { kind: 'user', id: '00000000-0000-4000-8000-0000000000ad', label: 'ada@example.test', role: 'admin' };

describe('admin token operations', () => {
  it('creates a token shown once, stores only its hash, and authenticates it with its role', async () => {
    const created = await runOperation(t.db, CLI_PRINCIPAL, createAdminToken, { name: 'deploy', role: 'admin' });
    expect(created.token).toMatch(/^tga_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const row = await t.db.adminToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.token);
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { resourceId: created.id } });
    expect(entry).toMatchObject({ actorType: 'cli', actorLabel: 'cli', action: 'admin_tokens.create' });
    expect(JSON.stringify(entry.after)).not.toContain(created.token.slice(4));
    const principal = await authenticateAdminToken(t.db, created.token);
    expect(principal).toEqual({ kind: 'token', id: created.id, label: 'deploy', role: 'admin' });
    const used = await t.db.adminToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(used.lastUsedAt).not.toBeNull();
    await authenticateAdminToken(t.db, created.token, new Date(used.lastUsedAt!.getTime() + 30_000));
    expect((await t.db.adminToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(used.lastUsedAt);
  });

  it('never grants more than the creator holds', async () => {
    await expect(runOperation(t.db, admin, createAdminToken, { name: 'root', role: 'owner' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runOperation(t.db, { ...admin, role: 'viewer' }, createAdminToken, { name: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses revoked, expired and unknown tokens', async () => {
    const created = await runOperation(t.db, admin, createAdminToken, { name: 'short', role: 'viewer', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await expect(authenticateAdminToken(t.db, created.token, new Date(Date.now() + 120_000))).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(authenticateAdminToken(t.db, 'tga_unknown')).rejects.toMatchObject({ code: 'invalid_token' });
    const revoked = await runOperation(t.db, admin, revokeAdminToken, { id: created.id });
    expect(revoked.revokedAt).not.toBeNull();
    await expect(authenticateAdminToken(t.db, created.token)).rejects.toMatchObject({ code: 'invalid_token' });
    const page = await runOperation(t.db, { ...admin, role: 'viewer' }, listAdminTokens, { limit: 100 });
    expect(page.items.map((item) => item.name)).toEqual(expect.arrayContaining(['deploy', 'short']));
    expect(JSON.stringify(page)).not.toMatch(/hash|tga_[A-Za-z0-9_-]{20}/);
  });
});
