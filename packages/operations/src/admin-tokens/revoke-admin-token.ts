import { ZAdminTokenIdParams } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { hasRole } from '../core/principal';
import { toAdminToken } from './to-admin-token';

/** Revokes a token at once; revoking it again changes nothing and answers the same record. */
export const revokeAdminToken = defineOperation({
  name: 'admin_tokens.revoke',
  role: 'admin',
  input: ZAdminTokenIdParams,
  audit: { resourceType: 'admin_token' },
  async run(tx, input, ctx) {
    const row = await tx.adminToken.findUnique({ where: { id: input.id } });
    if (!row) throw new TollgateError('not_found', { detail: 'No admin token with this id.' });
    if (!hasRole(ctx.principal, row.role)) {
      throw new TollgateError('forbidden', { detail: `A ${ctx.principal.role} cannot revoke a ${row.role} token.` });
    }
    const before = toAdminToken(row);
    ctx.checkIfMatch(before);
    const updated = row.revokedAt ? row : await tx.adminToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    const after = toAdminToken(updated);
    ctx.audit({ resourceId: row.id, before, after });
    return after;
  },
});
