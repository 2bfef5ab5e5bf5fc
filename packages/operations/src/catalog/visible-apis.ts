import type { Prisma } from '@tollgate/db';
import type { Tx } from '../core/define-operation';
import type { Principal } from '../core/principal';
import { memberTeamIds } from '../core/team-scope';

/**
 * Which APIs the catalog shows this caller: published or deprecated ones (never drafts or
 * retired ones), public to everyone, partner-only to members of a partner team, private to no one.
 * Every catalog read filters with this, so a hidden API is not_found like a missing one.
 */
export async function visibleApisWhere(tx: Tx, principal: Principal): Promise<Prisma.ApiWhereInput> {
  const teamIds = await memberTeamIds(tx, principal);
  const partner = teamIds.length > 0 && (await tx.team.count({ where: { id: { in: teamIds }, partner: true } })) > 0;
  return {
    status: { in: ['published', 'deprecated'] },
    visibility: { in: partner ? ['public', 'partner'] : ['public'] },
  };
}
