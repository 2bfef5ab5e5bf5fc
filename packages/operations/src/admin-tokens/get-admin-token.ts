import { ZAdminTokenIdParams } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { toAdminToken } from './to-admin-token';

export const getAdminToken = defineOperation({
  name: 'admin_tokens.get',
  role: 'viewer',
  input: ZAdminTokenIdParams,
  async run(tx, input) {
    const row = await tx.adminToken.findUnique({ where: { id: input.id } });
    if (!row) throw new TollgateError('not_found', { detail: 'No admin token with this id.' });
    return toAdminToken(row);
  },
});
