import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';
import { JWT_ISSUER_INCLUDE, type JwtIssuerWithLinks } from './to-jwt-issuer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An issuer by id; an id that is not a UUID is as missing as an unknown one (404). */
export async function findJwtIssuerOrThrow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<JwtIssuerWithLinks> {
  const missing = () => new TollgateError('not_found', { detail: 'No JWT issuer with this id.' });
  if (!UUID.test(id)) throw missing();
  if (options.forUpdate) await tx.$queryRaw`SELECT 1 FROM "jwt_issuers" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const row = await tx.jwtIssuer.findUnique({ where: { id }, include: JWT_ISSUER_INCLUDE });
  if (!row) throw missing();
  return row;
}
