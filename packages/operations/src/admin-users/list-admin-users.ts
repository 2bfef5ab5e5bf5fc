import { ZPageQuery } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { ADMIN_ROLES, toAdminUser } from './to-admin-user';

export const listAdminUsers = defineOperation({
  name: 'admin_users.list',
  role: 'viewer',
  input: ZPageQuery,
  async run(tx, input) {
    const after = decodeCursor(input.cursor);
    const rows = await tx.user.findMany({
      where: { role: { in: [...ADMIN_ROLES] }, ...(after ? { email: { gt: after } } : {}) },
      orderBy: { email: 'asc' },
      take: input.limit + 1,
    });
    return pageOf(rows, input.limit, (row) => row.email, toAdminUser);
  },
});
