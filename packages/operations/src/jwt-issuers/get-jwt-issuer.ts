import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findJwtIssuerOrThrow } from './find-jwt-issuer-or-throw';
import { toJwtIssuer } from './to-jwt-issuer';

export const getJwtIssuer = defineOperation({
  name: 'jwt_issuers.get',
  role: 'viewer',
  input: z.strictObject({ id: z.string().max(100) }),
  async run(tx, input) {
    return toJwtIssuer(await findJwtIssuerOrThrow(tx, input.id));
  },
});
