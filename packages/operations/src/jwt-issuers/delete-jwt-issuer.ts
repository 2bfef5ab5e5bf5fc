import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findJwtIssuerOrThrow } from './find-jwt-issuer-or-throw';
import { toJwtIssuer } from './to-jwt-issuer';

/** Removes an issuer and its clients: the API stops accepting its tokens with the next revision. */
export const deleteJwtIssuer = defineOperation({
  name: 'jwt_issuers.delete',
  role: 'admin',
  input: z.strictObject({ id: z.string().max(100) }),
  audit: { resourceType: 'jwt_issuer' },
  async run(tx, input, ctx) {
    const current = await findJwtIssuerOrThrow(tx, input.id, { forUpdate: true });
    const before = toJwtIssuer(current);
    ctx.checkIfMatch(before);
    await tx.jwtIssuer.delete({ where: { id: current.id } });
    ctx.configChanged('jwt_issuer', current.id, `${before.api} ${current.issuer}`);
    ctx.audit({ resourceId: current.id, before });
    return before;
  },
});
