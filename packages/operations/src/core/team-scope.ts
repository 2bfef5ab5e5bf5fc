import { TollgateError } from '@tollgate/errors';
import type { Tx } from './define-operation';
import type { Principal } from './principal';

export type TeamRole = 'owner' | 'member';

/**
 * Tenancy for the portal's operations: a developer reaches only the teams they are a member of.
 * Ids from a URL or a form are never trusted on their own; a record of another team is not_found,
 * exactly like one that does not exist.
 */
export async function memberTeamIds(tx: Tx, principal: Principal): Promise<string[]> {
  if (principal.kind !== 'developer') return [];
  const rows = await tx.teamMember.findMany({ where: { userId: principal.id }, select: { teamId: true } });
  return rows.map((row) => row.teamId);
}

/** The caller's membership of `teamId` (at least `role`), or not_found naming `what`. */
export async function requireTeamMember(tx: Tx, principal: Principal, teamId: string, what: string, role: TeamRole = 'member'): Promise<TeamRole> {
  const membership =
    principal.kind === 'developer'
      ? await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId: principal.id } }, select: { role: true } })
      : null;
  if (!membership) throw new TollgateError('not_found', { detail: `No ${what} with this id.` });
  if (role === 'owner' && membership.role !== 'owner') throw new TollgateError('forbidden', { detail: 'Only a team owner may do this.' });
  return membership.role;
}
