import { ZCreateAdminTokenRequest, type TCreatedAdminToken } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { hasRole } from '../core/principal';
import { generateAdminTokenSecret } from './admin-token-secret';
import { toAdminToken } from './to-admin-token';

/** A personal admin token; the answer carries the token, which is never shown again. */
export const createAdminToken = defineOperation({
  name: 'admin_tokens.create',
  role: 'admin',
  input: ZCreateAdminTokenRequest,
  audit: { resourceType: 'admin_token' },
  async run(tx, input, ctx): Promise<TCreatedAdminToken> {
    if (!hasRole(ctx.principal, input.role)) {
      throw new TollgateError('forbidden', { detail: `A ${ctx.principal.role} cannot create a ${input.role} token.` });
    }
    if (input.expiresAt && new Date(input.expiresAt).getTime() <= Date.now()) {
      throw new TollgateError('invalid_params', { invalidParams: [{ name: 'expiresAt', reason: 'must be in the future' }] });
    }
    const secret = generateAdminTokenSecret();
    const row = await tx.adminToken.create({
      data: {
        name: input.name,
        role: input.role,
        hash: secret.hash,
        prefix: secret.prefix,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        createdById: ctx.principal.kind === 'user' || ctx.principal.kind === 'token' ? ctx.principal.id : null,
      },
    });
    const token = toAdminToken(row);
    ctx.audit({ resourceId: row.id, after: token });
    return { ...token, token: secret.token };
  },
});
