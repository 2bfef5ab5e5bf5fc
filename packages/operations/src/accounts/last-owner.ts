import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';

/**
 * Refuses to take away a team's last owner. The owners' rows are locked first, so two owners
 * leaving at the same moment cannot both pass the count.
 */
export async function keepAnOwner(tx: Tx, teamId: string, leavingUserId: string): Promise<void> {
  const owners = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "team_members" WHERE "teamId" = ${teamId}::uuid AND "role" = 'owner' FOR UPDATE`;
  if (owners.length === 1 && owners[0]!.userId === leavingUserId) {
    throw new TollgateError('conflict', { detail: 'A team needs an owner: make another member an owner first, or the team would have none.' });
  }
}
