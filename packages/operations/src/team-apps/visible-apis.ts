import type { Prisma } from '@tollgate/db';

/** The APIs a team may see and subscribe to: published ones that are public, or partner-only for a partner team. */
export function visibleApisWhere(team: { partner: boolean }): Prisma.ApiWhereInput {
  return { status: 'published', visibility: { in: team.partner ? ['public', 'partner'] : ['public'] } };
}
