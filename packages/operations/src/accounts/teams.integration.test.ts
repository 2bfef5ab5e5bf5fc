import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { developerPrincipal, PUBLIC_PRINCIPAL, type Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { acceptInvite, getInvite, inviteMember, leaveTeam, listMyTeams, removeMember, signUp } from './index';

const t = useTestDatabase();
const STRONG = 'violet-harbour-lantern';

async function person(name: string, email: string): Promise<{ principal: Principal; teamId: string; userId: string }> {
  const result = await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name, email, password: STRONG });
  return { principal: developerPrincipal({ id: result.userId, email }), teamId: result.team.id, userId: result.userId };
}

describe('team invites and membership', () => {
  it('invites by mail (owners only), joins once as the invited address, and lists the team for both', async () => {
    const owner = await person('Olive Owner', 'olive@example.com');
    const bob = await person('Bob', 'bob@example.com');
    const mallory = await person('Mallory', 'mallory@example.com');

    await expect(runOperation(t.db, mallory.principal, inviteMember, { teamId: owner.teamId, email: 'x@example.com' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runOperation(t.db, owner.principal, inviteMember, { teamId: owner.teamId, email: 'olive@example.com' })).rejects.toMatchObject({ invalidParams: [{ name: 'email' }] });
    const invite = await runOperation(t.db, owner.principal, inviteMember, { teamId: owner.teamId, email: 'Bob@Example.com' });
    expect(invite).toMatchObject({ email: 'bob@example.com', team: { name: 'Olive Owner' } });
    const stored = await t.db.oneTimeToken.findFirstOrThrow({ where: { purpose: 'team_invite' } });
    expect(stored).toMatchObject({ teamId: owner.teamId, teamRole: 'member', email: 'bob@example.com', usedAt: null });

    expect(await runOperation(t.db, PUBLIC_PRINCIPAL, getInvite, { token: invite.link.token })).toMatchObject({ email: 'bob@example.com', team: { name: 'Olive Owner' }, problem: null });
    await expect(runOperation(t.db, mallory.principal, acceptInvite, { token: invite.link.token })).rejects.toMatchObject({ code: 'forbidden', detail: expect.stringContaining('bob@example.com') });
    expect((await runOperation(t.db, owner.principal, listMyTeams, {}))[0]!.pendingInvites.map((row) => row.email)).toEqual(['bob@example.com']);

    expect(await runOperation(t.db, bob.principal, acceptInvite, { token: invite.link.token })).toMatchObject({ team: { id: owner.teamId } });
    await expect(runOperation(t.db, bob.principal, acceptInvite, { token: invite.link.token })).rejects.toMatchObject({ code: 'invalid_token', detail: expect.stringContaining('already used') });
    expect((await runOperation(t.db, PUBLIC_PRINCIPAL, getInvite, { token: invite.link.token })).problem).toContain('already used');

    const bobsTeams = await runOperation(t.db, bob.principal, listMyTeams, {});
    expect(bobsTeams.map((team) => [team.name, team.myRole])).toEqual([['Olive Owner', 'member'], ['Bob', 'owner']]);
    expect(bobsTeams[0]!.members.map((member) => [member.email, member.role])).toEqual([['olive@example.com', 'owner'], ['bob@example.com', 'member']]);
    expect(bobsTeams[0]!.pendingInvites).toEqual([]);
    expect((await runOperation(t.db, mallory.principal, listMyTeams, {})).map((team) => team.name)).toEqual(['Mallory']);
    expect(await runOperation(t.db, PUBLIC_PRINCIPAL, listMyTeams, {})).toEqual([]);
  });

  it('lets a stranger sign up from the invite and join without a separate verification', async () => {
    const owner = await person('Team Lead', 'lead@example.com');
    const invite = await runOperation(t.db, owner.principal, inviteMember, { teamId: owner.teamId, email: 'newcomer@example.com', role: 'owner' });
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Other', email: 'other@example.com', password: STRONG, inviteToken: invite.link.token })).rejects.toMatchObject({ invalidParams: [{ name: 'email' }] });
    const joined = await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'New Comer', email: 'newcomer@example.com', password: STRONG, inviteToken: invite.link.token });
    expect(joined.verification).toBeUndefined();
    expect(joined.team.id).toBe(owner.teamId);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: joined.userId }, include: { memberships: true } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.memberships.map((row) => [row.teamId, row.role])).toEqual([[owner.teamId, 'owner']]);
  });

  it('lets members leave and owners remove, but never takes away the last owner', async () => {
    const owner = await person('Owner', 'owner@example.com');
    const member = await person('Member', 'member@example.com');
    const outsider = await person('Outsider', 'outsider@example.com');
    const invite = await runOperation(t.db, owner.principal, inviteMember, { teamId: owner.teamId, email: 'member@example.com' });
    await runOperation(t.db, member.principal, acceptInvite, { token: invite.link.token });

    await expect(runOperation(t.db, owner.principal, leaveTeam, { teamId: owner.teamId })).rejects.toMatchObject({ code: 'conflict' });
    await expect(runOperation(t.db, owner.principal, removeMember, { teamId: owner.teamId, userId: owner.userId })).rejects.toMatchObject({ code: 'conflict' });
    await expect(runOperation(t.db, member.principal, removeMember, { teamId: owner.teamId, userId: owner.userId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runOperation(t.db, outsider.principal, removeMember, { teamId: owner.teamId, userId: member.userId })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runOperation(t.db, outsider.principal, leaveTeam, { teamId: owner.teamId })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runOperation(t.db, owner.principal, removeMember, { teamId: owner.teamId, userId: outsider.userId })).rejects.toMatchObject({ code: 'not_found' });

    await runOperation(t.db, owner.principal, removeMember, { teamId: owner.teamId, userId: member.userId });
    expect(await t.db.teamMember.count({ where: { teamId: owner.teamId } })).toBe(1);

    const again = await runOperation(t.db, owner.principal, inviteMember, { teamId: owner.teamId, email: 'member@example.com', role: 'owner' });
    await runOperation(t.db, member.principal, acceptInvite, { token: again.link.token });
    // With a second owner, the first may go.
    await runOperation(t.db, owner.principal, leaveTeam, { teamId: owner.teamId });
    expect(await t.db.teamMember.findMany({ where: { teamId: owner.teamId }, select: { userId: true, role: true } })).toEqual([{ userId: member.userId, role: 'owner' }]);
    const actions = (await t.db.auditLog.findMany({ where: { resourceId: owner.teamId }, orderBy: { id: 'asc' } })).map((entry) => [entry.action, entry.actorType]);
    expect(actions).toEqual([
      ['accounts.invite_member', 'developer'],
      ['accounts.accept_invite', 'developer'],
      ['accounts.remove_member', 'developer'],
      ['accounts.invite_member', 'developer'],
      ['accounts.accept_invite', 'developer'],
      ['accounts.leave_team', 'developer'],
    ]);
  });
});
