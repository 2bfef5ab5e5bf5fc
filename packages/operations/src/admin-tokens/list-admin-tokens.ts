import { ZPageQuery } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { toAdminToken } from './to-admin-token';

const UUID = /^[0-9a-f-]{36}$/;

export const listAdminTokens = defineOperation({
  name: 'admin_tokens.list',
  role: 'viewer',
  input: ZPageQuery,
  async run(tx, input) {
    const after = decodeCursor(input.cursor, (value) => UUID.test(value));
    const rows = await tx.adminToken.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: 'asc' },
      take: input.limit + 1,
    });
    return pageOf(rows, input.limit, (row) => row.id, toAdminToken);
  },
});
