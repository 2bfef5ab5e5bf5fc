import 'server-only';
import { getDb } from '../db';

/** The newest API keys (display prefix only; the key itself is never stored), for the admin console. */
export async function listKeys(limit = 200) {
  const db = await getDb();
  return db.apiKey.findMany({
    select: {
      id: true,
      name: true,
      prefix: true,
      environment: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdAt: true,
      app: { select: { slug: true, name: true, team: { select: { slug: true } } } },
    },
    orderBy: { createdAt: 'desc' },
    take: limit,
  });
}
