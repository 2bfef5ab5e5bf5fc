import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;

/** A Prisma client over the pg driver adapter: no engine binary at run time. */
export function createDb(databaseUrl: string, options: { max?: number; connectionTimeoutMillis?: number } = {}): Db {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
  });
  return new PrismaClient({ adapter });
}
