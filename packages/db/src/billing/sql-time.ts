import { Prisma } from '../generated/prisma/client';

/**
 * An instant as a `timestamp(3)` value in UTC, which is how Prisma stores DateTime.
 * Raw SQL goes through this so the session time zone never shifts a boundary.
 */
export function sqlUtc(instant: Date): Prisma.Sql {
  return Prisma.sql`(${instant.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}
