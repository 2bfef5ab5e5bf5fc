import { TollgateError } from '@tollgate/errors';
import type { Db } from '../client/create-db';

/** What may be shown about a key: never its hash. */
export interface ApiKeySummary {
  id: string;
  prefix: string;
  name: string;
  environment: 'live' | 'test';
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  rotatedFromId: string | null;
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** The keys of one app, newest first, revoked ones included. */
export async function listApiKeys(db: Db, input: { appSlug: string }): Promise<ApiKeySummary[]> {
  const app = await db.app.findUnique({ where: { slug: input.appSlug }, select: { id: true } });
  if (!app) throw new TollgateError('not_found', { detail: `no app with slug "${input.appSlug}"` });
  const keys = await db.apiKey.findMany({
    where: { appId: app.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: { id: true, prefix: true, name: true, environment: true, scopes: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true, rotatedFromId: true },
  });
  return keys.map((key) => ({
    ...key,
    createdAt: key.createdAt.toISOString(),
    expiresAt: iso(key.expiresAt),
    revokedAt: iso(key.revokedAt),
    lastUsedAt: iso(key.lastUsedAt),
  }));
}
