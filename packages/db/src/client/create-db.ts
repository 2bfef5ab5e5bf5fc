import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;

/** A Prisma client over the pg driver adapter: no engine binary at run time. */
/** `statementTimeoutMs` bounds each statement and each wait for a lock (PostgreSQL's own timeouts). */
export function createDb(databaseUrl: string, options: { max?: number; connectionTimeoutMillis?: number; statementTimeoutMs?: number } = {}): Db {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs, lock_timeout: options.statementTimeoutMs } : {}),
  });
  return new PrismaClient({ adapter });
}
