import { ZListJwtIssuersQuery } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { JWT_ISSUER_INCLUDE, toJwtIssuer } from './to-jwt-issuer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Issuers in id order (stable across pages), optionally only one API's. */
export const listJwtIssuers = defineOperation({
  name: 'jwt_issuers.list',
  role: 'viewer',
  input: ZListJwtIssuersQuery,
  async run(tx, input) {
    const after = decodeCursor(input.cursor, (value) => UUID.test(value));
    const rows = await tx.jwtIssuer.findMany({
      where: { ...(after ? { id: { gt: after } } : {}), ...(input.api ? { api: { slug: input.api } } : {}) },
      include: JWT_ISSUER_INCLUDE,
      orderBy: { id: 'asc' },
      take: input.limit + 1,
    });
    return pageOf(rows, input.limit, (row) => row.id, toJwtIssuer);
  },
});
