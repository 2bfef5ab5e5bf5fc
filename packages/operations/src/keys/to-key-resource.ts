import type { TKeyResource, TKeyState } from '@tollgate/contracts';
import type { ApiKey } from '@tollgate/db';

export type KeyWithApp = ApiKey & { app: { slug: string; team: { slug: string } } };

export const KEY_INCLUDE = { app: { select: { slug: true, team: { select: { slug: true } } } } } as const;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function keyState(row: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now: Date): TKeyState {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt && row.expiresAt <= now ? 'expired' : 'active';
}

/** A key as anyone may see it: its prefix and facts, never the secret nor its hash. */
export function toKeyResource(row: KeyWithApp, now = new Date()): TKeyResource {
  return {
    id: row.id,
    prefix: row.prefix,
    name: row.name,
    environment: row.environment,
    app: row.app.slug,
    team: row.app.team.slug,
    scopes: row.scopes,
    state: keyState(row, now),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
    excludedFromAnalytics: row.excludedFromAnalytics,
    createdAt: row.createdAt.toISOString(),
  };
}
