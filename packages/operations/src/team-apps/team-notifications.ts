import type { Prisma } from '@tollgate/db';
import type { Tx } from '../core/define-operation';
import type { Principal } from '../core/principal';
import { memberTeamIds } from '../core/team-scope';

/** The notifications the caller may see: their teams' (userId null, for every member) and their own. */
export async function notificationsWhere(tx: Tx, principal: Principal): Promise<Prisma.NotificationWhereInput> {
  return { teamId: { in: await memberTeamIds(tx, principal) }, OR: [{ userId: null }, { userId: principal.id }] };
}
