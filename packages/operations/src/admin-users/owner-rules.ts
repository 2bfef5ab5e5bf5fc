import type { TAdminRole } from '@tollgate/contracts';
import type { User } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';
import { hasRole, type Principal } from '../core/principal';

/** Only an owner grants the owner role or changes an owner; nobody grants more than they hold. */
export function checkMayManage(principal: Principal, target: { role: string } | null, grant?: TAdminRole): void {
  if (target?.role === 'owner' && !hasRole(principal, 'owner')) {
    throw new TollgateError('forbidden', { detail: 'Only an owner may change or remove an owner.' });
  }
  if (grant && !hasRole(principal, grant)) {
    throw new TollgateError('forbidden', { detail: `A ${principal.role} cannot grant the ${grant} role.` });
  }
}

/**
 * Locks the owners' rows, in one order, before the record a write changes: two owners demoting
 * each other at once then run one after the other (no deadlock), and the second sees one owner left.
 */
export async function lockOwners(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "users" WHERE "role" = 'owner' ORDER BY "id" FOR UPDATE`;
}

/** The platform keeps at least one owner: the last one cannot step down or be removed (call lockOwners first). */
export async function keepAnOwner(tx: Tx, leaving: User): Promise<void> {
  if (leaving.role !== 'owner') return;
  if ((await tx.user.count({ where: { role: 'owner' } })) <= 1) {
    throw new TollgateError('conflict', { detail: 'This is the last owner: make someone else owner first.', invalidParams: [{ name: 'role', reason: 'the last owner cannot step down' }] });
  }
}
