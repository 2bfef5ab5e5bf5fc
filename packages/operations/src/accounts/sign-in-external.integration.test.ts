import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { PUBLIC_PRINCIPAL } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { signInExternal, signUp } from './index';

const t = useTestDatabase();

const signIn = (input: { provider: 'github' | 'oidc'; subject: string; email: string; name?: string }) => runOperation(t.db, PUBLIC_PRINCIPAL, signInExternal, input);

describe('sign-in through GitHub or OpenID Connect', () => {
  it('gives a first-time person a verified account and a team, and the same subject reaches it again after an address change', async () => {
    const first = await signIn({ provider: 'oidc', subject: 'sub-octo', email: 'Octo@Example.com', name: 'Octo Cat' });
    const user = await t.db.user.findUniqueOrThrow({ where: { id: first.id }, include: { memberships: { include: { team: true } }, externalIdentities: true } });
    expect(user).toMatchObject({ email: 'octo@example.com', role: 'developer', passwordHash: '' });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.memberships.map((row) => [row.role, row.team.name])).toEqual([['owner', 'Octo Cat']]);
    expect(user.externalIdentities.map((row) => [row.provider, row.subject])).toEqual([['oidc', 'sub-octo']]);

    expect(await signIn({ provider: 'oidc', subject: 'sub-octo', email: 'octo@new-domain.example' })).toEqual(first);
    expect(await t.db.user.count()).toBe(1);
    expect(await t.db.teamMember.count({ where: { userId: first.id } })).toBe(1);
  });

  it('links another provider to an account without a password, and keeps it after a password is set', async () => {
    const first = await signIn({ provider: 'github', subject: '4242', email: 'hub@example.com' });
    expect(await signIn({ provider: 'oidc', subject: 'sub-hub', email: 'hub@example.com' })).toEqual(first);
    expect(await t.db.externalIdentity.count({ where: { userId: first.id } })).toBe(2);

    // As a password reset leaves it.
    await t.db.user.update({ where: { id: first.id }, data: { passwordHash: 'scrypt$set-by-reset' } });
    expect(await signIn({ provider: 'github', subject: '4242', email: 'hub@example.com' })).toEqual(first);
  });

  it('does not take over an account that has a password, and never opens an admin account', async () => {
    const owner = await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Pass Word', email: 'taken@example.com', password: 'violet-harbour-lantern' });
    await expect(signIn({ provider: 'oidc', subject: 'sub-intruder', email: 'taken@example.com' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(signIn({ provider: 'github', subject: '99', email: 'TAKEN@example.com' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await t.db.externalIdentity.count({ where: { userId: owner.userId } })).toBe(0);
    expect(await t.db.user.count({ where: { email: 'taken@example.com' } })).toBe(1);

    const root = await t.db.user.create({ data: { email: 'root@example.com', name: 'Root', role: 'owner', passwordHash: '' } });
    await expect(signIn({ provider: 'github', subject: '1', email: 'root@example.com' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await t.db.externalIdentity.count({ where: { userId: root.id } })).toBe(0);
  });
});
