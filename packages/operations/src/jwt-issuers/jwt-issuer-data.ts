import type { TCreateJwtIssuerRequest, TJwtIssuerClient } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';

/** The issuer's columns from its request shape (the config file's `apis[].jwt` entry). */
export function jwtIssuerData(input: Omit<TCreateJwtIssuerRequest, 'api' | 'clients'>) {
  return {
    issuer: input.issuer,
    audience: input.audience,
    jwksUrl: input.jwksUrl ?? null,
    publicKeyPem: input.publicKeyPem ?? null,
    algorithms: input.algorithms,
    appClaim: input.appClaim,
    clockSkewSeconds: input.clockSkewSeconds,
  };
}

export async function resolveApiId(tx: Tx, slug: string): Promise<string> {
  const api = await tx.api.findUnique({ where: { slug }, select: { id: true } });
  if (!api) throw new TollgateError('invalid_params', { detail: `No API with slug "${slug}".`, invalidParams: [{ name: 'api', reason: `no API with slug "${slug}"` }] });
  return api.id;
}

/** The clients as rows to create; an unknown app is named by its index (`clients[1].app`). */
export async function resolveClients(tx: Tx, clients: readonly TJwtIssuerClient[]): Promise<{ subject: string; appId: string }[]> {
  const rows = await tx.app.findMany({ where: { slug: { in: clients.map((client) => client.app) } }, select: { id: true, slug: true } });
  const ids = new Map(rows.map((row) => [row.slug, row.id]));
  const unknown = clients.flatMap((client, index) => (ids.has(client.app) ? [] : [{ name: `clients[${index}].app`, reason: `no app with slug "${client.app}"` }]));
  if (unknown.length) throw new TollgateError('invalid_params', { detail: 'A client names an app that does not exist.', invalidParams: unknown });
  return clients.map((client) => ({ subject: client.subject, appId: ids.get(client.app)! }));
}

/** One issuer string per API: a second one would leave the gateway two sets of keys for the same `iss`. */
export async function checkIssuerFree(tx: Tx, apiId: string, issuer: string, exceptId?: string): Promise<void> {
  const taken = await tx.jwtIssuer.findFirst({ where: { apiId, issuer, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw new TollgateError('conflict', { detail: `This API already trusts issuer "${issuer}".`, invalidParams: [{ name: 'issuer', reason: 'is already configured for this API' }] });
}
