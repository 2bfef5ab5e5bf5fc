import { ZCreateJwtIssuerRequest, ZUpdateJwtIssuerRequest, toInvalidParams } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findJwtIssuerOrThrow } from './find-jwt-issuer-or-throw';
import { checkIssuerFree, jwtIssuerData, resolveClients } from './jwt-issuer-data';
import { JWT_ISSUER_INCLUDE, toJwtIssuer } from './to-jwt-issuer';

/** Changes the fields given (the API stays); `clients` replaces the whole list. */
export const updateJwtIssuer = defineOperation({
  name: 'jwt_issuers.update',
  role: 'admin',
  input: ZUpdateJwtIssuerRequest.extend({ id: z.string().max(100) }),
  audit: { resourceType: 'jwt_issuer' },
  async run(tx, { id, ...changes }, ctx) {
    const current = await findJwtIssuerOrThrow(tx, id, { forUpdate: true });
    const before = toJwtIssuer(current);
    ctx.checkIfMatch(before);
    const { id: _id, createdAt: _createdAt, jwksUrl, publicKeyPem, ...base } = before;
    const merged = { ...base, ...(jwksUrl ? { jwksUrl } : {}), ...(publicKeyPem ? { publicKeyPem } : {}), ...changes };
    for (const field of ['jwksUrl', 'publicKeyPem'] as const) if (merged[field] === null) delete merged[field];
    const parsed = ZCreateJwtIssuerRequest.safeParse(merged);
    if (!parsed.success) throw new TollgateError('invalid_params', { invalidParams: toInvalidParams(parsed.error) });
    const { api, clients, ...fields } = parsed.data;
    if (fields.issuer !== current.issuer) await checkIssuerFree(tx, current.apiId, fields.issuer, current.id);
    const links = changes.clients ? await resolveClients(tx, clients) : undefined;
    if (links) await tx.jwtClient.deleteMany({ where: { issuerId: current.id } });
    const row = await tx.jwtIssuer.update({
      where: { id: current.id },
      data: { ...jwtIssuerData(fields), ...(links ? { clients: { create: links } } : {}) },
      include: JWT_ISSUER_INCLUDE,
    });
    const after = toJwtIssuer(row);
    ctx.configChanged('jwt_issuer', row.id, `${api} ${row.issuer}`);
    ctx.audit({ resourceId: row.id, before, after });
    return after;
  },
});
