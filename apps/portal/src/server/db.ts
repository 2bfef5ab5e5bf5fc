import 'server-only';
import { createDb, type Db } from '@tollgate/db/client';
import { connection } from 'next/server';
import { env } from '@/env';

const DB = Symbol.for('tollgate.portal.db');

/**
 * The portal's one Prisma client, created on first use. Awaiting it also marks the render
 * as request-time, so no page queries the database while `next build` prerenders.
 */
export async function getDb(): Promise<Db> {
  await connection();
  return dbClient();
}

/** The same client for route handlers, which run per request and have no render to mark. */
export function dbClient(): Db {
  const store = globalThis as { [DB]?: Db };
  store[DB] ??= createDb(env.DATABASE_URL, { statementTimeoutMs: env.PORTAL_STATEMENT_TIMEOUT_MS });
  return store[DB];
}
