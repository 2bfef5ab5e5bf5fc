import type { TAdminUser } from '@tollgate/contracts';
import type { User } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ADMIN_ROLES = ['owner', 'admin', 'viewer'] as const;

export function toAdminUser(row: User): TAdminUser {
  if (row.role === 'developer') throw new Error(`user ${row.id} is not an admin`);
  return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** An admin user by id; a developer or no one is 404. `forUpdate` locks the row until the transaction ends. */
export async function findAdminUserOrThrow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<User> {
  if (!UUID.test(id)) throw new TollgateError('not_found', { detail: 'No admin user with this id.' });
  if (options.forUpdate) await tx.$queryRaw`SELECT 1 FROM "users" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id } });
  if (!user || user.role === 'developer') throw new TollgateError('not_found', { detail: 'No admin user with this id.' });
  return user;
}
