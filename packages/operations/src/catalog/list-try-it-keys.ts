import { ZApiSlugParams } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { memberTeamIds } from '../core/team-scope';
import { findVisibleApiOrThrow } from './find-visible-api-or-throw';

/** A key the developer may try an API with: how to recognise it, never its secret. */
export interface TryItKey {
  id: string;
  name: string;
  prefix: string;
  environment: 'live' | 'test';
  app: { slug: string; name: string };
}

/** A key with scopes reaches only the APIs (`weather`) or routes (`weather:GET /x`) they name. */
function scopesReach(scopes: readonly string[], apiSlug: string): boolean {
  return scopes.length === 0 || scopes.some((scope) => scope === apiSlug || scope.startsWith(`${apiSlug}:`));
}

/**
 * The caller's keys that the gateway would accept for this API: keys of their teams' apps with
 * an active subscription to it, neither revoked nor expired, whose scopes reach it.
 */
export const listTryItKeys = defineOperation({
  name: 'catalog.keys',
  role: 'developer',
  input: ZApiSlugParams,
  async run(tx, input, ctx): Promise<TryItKey[]> {
    const api = await findVisibleApiOrThrow(tx, ctx.principal, input.slug, { id: true, slug: true });
    const teamIds = await memberTeamIds(tx, ctx.principal);
    if (teamIds.length === 0) return [];
    const now = new Date();
    const rows = await tx.apiKey.findMany({
      where: {
        revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
        app: { teamId: { in: teamIds }, subscriptions: { some: { apiId: api.id, status: 'active' } } },
      },
      select: { id: true, name: true, prefix: true, environment: true, scopes: true, app: { select: { slug: true, name: true } } },
      orderBy: [{ app: { name: 'asc' } }, { createdAt: 'desc' }],
    });
    return rows.filter((row) => scopesReach(row.scopes, api.slug)).map(({ scopes: _scopes, ...key }) => key);
  },
});
