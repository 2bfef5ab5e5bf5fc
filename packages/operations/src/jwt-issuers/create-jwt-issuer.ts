import { ZCreateJwtIssuerRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { checkIssuerFree, jwtIssuerData, resolveApiId, resolveClients } from './jwt-issuer-data';
import { JWT_ISSUER_INCLUDE, toJwtIssuer } from './to-jwt-issuer';

/** An issuer an API accepts tokens from; the gateways reload it with the next config revision. */
export const createJwtIssuer = defineOperation({
  name: 'jwt_issuers.create',
  role: 'admin',
  input: ZCreateJwtIssuerRequest,
  audit: { resourceType: 'jwt_issuer' },
  async run(tx, { api, clients, ...fields }, ctx) {
    const apiId = await resolveApiId(tx, api);
    await checkIssuerFree(tx, apiId, fields.issuer);
    const links = await resolveClients(tx, clients);
    const row = await tx.jwtIssuer.create({ data: { apiId, ...jwtIssuerData(fields), clients: { create: links } }, include: JWT_ISSUER_INCLUDE });
    const issuer = toJwtIssuer(row);
    ctx.configChanged('jwt_issuer', row.id, `${api} ${row.issuer}`);
    ctx.audit({ resourceId: row.id, after: issuer });
    return issuer;
  },
});
