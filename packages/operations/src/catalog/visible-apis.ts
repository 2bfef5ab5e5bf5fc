import type { Prisma } from '@tollgate/db';
import type { Tx } from '../core/define-operation';
import type { Principal } from '../core/principal';
import { memberTeamIds } from '../core/team-scope';

/**
 * The one rule for which APIs developers see. Public APIs are for everyone, partner-only ones
 * for partner teams, private ones for no one. The catalog shows published and deprecated APIs
 * (a deprecated one with its sunset date); new subscriptions are taken only on published ones.
 * Every portal read and subscription filters with this, so a hidden API is not_found like a
 * missing one.
 */
export function visibleApisWhere(audience: { partner: boolean }, purpose: 'browse' | 'subscribe' = 'browse'): Prisma.ApiWhereInput {
  return {
    status: purpose === 'browse' ? { in: ['published', 'deprecated'] } : 'published',
    visibility: { in: audience.partner ? ['public', 'partner'] : ['public'] },
  };
}

/** The caller as an audience: a partner when any of their teams is a partner team. */
export async function audienceOf(tx: Tx, principal: Principal): Promise<{ partner: boolean }> {
  const teamIds = await memberTeamIds(tx, principal);
  return { partner: teamIds.length > 0 && (await tx.team.count({ where: { id: { in: teamIds }, partner: true } })) > 0 };
}
