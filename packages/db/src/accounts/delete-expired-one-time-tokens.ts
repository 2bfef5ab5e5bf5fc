import type { Db } from '../client/create-db';
import { sqlUtc } from '../billing/sql-time';

/** Links are kept this long past their expiry, so following one still says "expired" or "already used" for a while. */
export const DEFAULT_ONE_TIME_TOKEN_GRACE_MS = 7 * 86_400_000;

/**
 * Drops single-use links (used or not) whose expiry is more than `graceMs` ago, a batch at a
 * time so the table is never locked for long. Verification links of accounts that are still
 * unverified stay: they are what holds a self-signed-up account back until its address is proved.
 */
export async function deleteExpiredOneTimeTokens(db: Db, now: Date, graceMs = DEFAULT_ONE_TIME_TOKEN_GRACE_MS, batchSize = 5_000): Promise<number> {
  const before = new Date(now.getTime() - graceMs);
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM one_time_tokens WHERE id IN (
        SELECT t.id FROM one_time_tokens t
        WHERE t."expiresAt" < ${sqlUtc(before)}
          AND NOT (t.purpose = 'verify_email' AND EXISTS (SELECT 1 FROM users u WHERE u.id = t."userId" AND u."emailVerifiedAt" IS NULL))
        LIMIT ${batchSize}::int
      )`;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
