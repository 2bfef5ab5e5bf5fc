import type { TJwtIssuerResource } from '@tollgate/contracts';
import type { JwtIssuer } from '@tollgate/db';

export type JwtIssuerWithLinks = JwtIssuer & { api: { slug: string }; clients: { subject: string; app: { slug: string } }[] };

export const JWT_ISSUER_INCLUDE = {
  api: { select: { slug: true } },
  clients: { select: { subject: true, app: { select: { slug: true } } }, orderBy: { subject: 'asc' } },
} as const;

export function toJwtIssuer(row: JwtIssuerWithLinks): TJwtIssuerResource {
  return {
    id: row.id,
    api: row.api.slug,
    issuer: row.issuer,
    audience: row.audience,
    jwksUrl: row.jwksUrl,
    publicKeyPem: row.publicKeyPem,
    algorithms: row.algorithms,
    appClaim: row.appClaim,
    clockSkewSeconds: row.clockSkewSeconds,
    clients: row.clients.map((client) => ({ subject: client.subject, app: client.app.slug })),
    createdAt: row.createdAt.toISOString(),
  };
}
