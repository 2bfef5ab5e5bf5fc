import { ZListAdminUsersQuery } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { ADMIN_ROLES, toAdminUser } from './to-admin-user';

/** Admin users in email order, optionally of one role or matching `q` in email or name. */
export const listAdminUsers = defineOperation({
  name: 'admin_users.list',
  role: 'viewer',
  input: ZListAdminUsersQuery,
  async run(tx, input) {
    const after = decodeCursor(input.cursor);
    const rows = await tx.user.findMany({
      where: {
        role: input.role ? input.role : { in: [...ADMIN_ROLES] },
        ...(after ? { email: { gt: after } } : {}),
        ...(input.q ? { OR: [{ email: { contains: input.q, mode: 'insensitive' } }, { name: { contains: input.q, mode: 'insensitive' } }] } : {}),
      },
      orderBy: { email: 'asc' },
      take: input.limit + 1,
    });
    return pageOf(rows, input.limit, (row) => row.email, toAdminUser);
  },
});
