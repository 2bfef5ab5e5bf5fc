import { useTestDatabase } from '@tollgate/db/testing';
import { verifyPassword } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createAdminUser, getAdminUser, listAdminUsers, removeAdminUser, updateAdminUser } from './index';

const t = useTestDatabase();
const as = (role: Principal['role']): Principal => ({ kind: 'user', id: `00000000-0000-4000-8000-00000000000${role.length}`, label: `${role}@example.test`, role });
const [owner, admin, viewer] = [as('owner'), as('admin'), as('viewer')];
const add = (by: Principal, email: string, role: string, extra: Record<string, unknown> = {}) => runOperation(t.db, by, createAdminUser, { email, name: email.split('@')[0], role, ...extra });

describe('admin user operations', () => {
  it('invites with a temporary password shown once (only its hash stored), or with the password given', async () => {
    const invited = await add(admin, 'Tom@Example.test', 'viewer');
    expect(invited).toMatchObject({ email: 'tom@example.test', role: 'viewer', temporaryPassword: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: invited.id } });
    expect(row.passwordHash).not.toContain(invited.temporaryPassword);
    expect(await verifyPassword(invited.temporaryPassword!, row.passwordHash)).toBe(true);
    const set = await add(admin, 'sam@example.test', 'admin', { password: 'correct horse' });
    expect(set.temporaryPassword).toBeUndefined();
    expect(await verifyPassword('correct horse', (await t.db.user.findUniqueOrThrow({ where: { id: set.id } })).passwordHash)).toBe(true);
    const audit = await t.db.auditLog.findMany({ where: { resourceType: 'admin_user' } });
    expect(JSON.stringify(audit.map((entry) => [entry.before, entry.after]))).not.toMatch(new RegExp(`${invited.temporaryPassword}|correct horse|scrypt`));
    expect((await runOperation(t.db, viewer, listAdminUsers, { q: 'tom' })).items.map((user) => user.email)).toEqual(['tom@example.test']);
  });

  it('a viewer only reads; only an owner grants owner or changes an owner; nobody grants more than they hold', async () => {
    await expect(add(viewer, 'v@example.test', 'viewer')).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(add(admin, 'o@example.test', 'owner')).rejects.toMatchObject({ code: 'forbidden' });
    const first = await add(owner, 'first-owner@example.test', 'owner');
    const helper = await add(admin, 'helper@example.test', 'viewer');
    await expect(runOperation(t.db, viewer, updateAdminUser, { id: helper.id, role: 'admin' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runOperation(t.db, admin, updateAdminUser, { id: helper.id, role: 'owner' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await runOperation(t.db, admin, updateAdminUser, { id: helper.id, role: 'admin' })).toMatchObject({ role: 'admin' });
    await expect(runOperation(t.db, admin, updateAdminUser, { id: first.id, name: 'Renamed' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runOperation(t.db, admin, removeAdminUser, { id: first.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runOperation(t.db, viewer, removeAdminUser, { id: helper.id })).rejects.toMatchObject({ code: 'forbidden' });
    await runOperation(t.db, admin, removeAdminUser, { id: helper.id });
    await expect(runOperation(t.db, viewer, getAdminUser, { id: helper.id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: helper.id } })).role).toBe('developer');
  });

  it('keeps the last owner: not demoted, not removed, also when two owners step down at once', async () => {
    await t.db.user.updateMany({ where: { role: 'owner' }, data: { role: 'developer' } });
    const a = await add(owner, 'a-owner@example.test', 'owner');
    await expect(runOperation(t.db, owner, updateAdminUser, { id: a.id, role: 'admin' })).rejects.toMatchObject({ code: 'conflict', invalidParams: [{ name: 'role' }] });
    await expect(runOperation(t.db, owner, removeAdminUser, { id: a.id })).rejects.toMatchObject({ code: 'conflict' });
    // Two owners step down at once, ten times over: one of each pair must be refused.
    for (let round = 0; round < 10; round += 1) {
      const b = await add(owner, `b-owner-${round}@example.test`, 'owner');
      const results = await Promise.allSettled([
        runOperation(t.db, owner, updateAdminUser, { id: a.id, role: 'viewer' }),
        runOperation(t.db, owner, removeAdminUser, { id: b.id }),
      ]);
      const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(refused.map((result) => (result.reason as { code?: string }).code)).toEqual(['conflict']);
      await t.db.user.update({ where: { id: a.id }, data: { role: 'owner' } });
      await t.db.user.updateMany({ where: { role: 'owner', id: { not: a.id } }, data: { role: 'developer' } });
    }
    expect(await t.db.user.count({ where: { role: 'owner' } })).toBe(1);
  });
});
