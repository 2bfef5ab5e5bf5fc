import type { Prisma } from '../generated/prisma/client';

type Db = { $transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> };

/** Any fixed number: the advisory lock that lets one worker at a time roll up. */
const ROLLUP_LOCK = 7_300_203;
/**
 * Minutes changed this long before the watermark are rolled again: a flush's rows carry its
 * transaction's start time, and a flush that began before the last run may have committed
 * after it. Re-rolling an hour is idempotent, so the overlap costs only time.
 */
const OVERLAP = '5 minutes';

const DIMENSIONS = ['apiId', 'routeKey', 'appId', 'keyId', 'planId', 'subscriptionId', 'statusClass', 'outcome', 'upstreamVersion'].map((name) => `"${name}"`);
const COLUMNS = ['bucket', ...DIMENSIONS, 'count', 'units', 'errors', '"bytesIn"', '"bytesOut"', '"latencySumMs"', '"latencyBuckets"'].join(', ');

/**
 * Replaces `target`'s rows at the given bucket starts with the sums of `source`'s rows inside
 * each bucket (`width` wide), by dimension. Histograms add bucket by bucket (tollgate_sum_buckets).
 */
function rollUpSql(target: string, source: string, sourceTime: string, width: string): { remove: string; insert: string } {
  const dimensions = DIMENSIONS.map((column) => `r.${column}`).join(', ');
  return {
    remove: `DELETE FROM ${target} WHERE bucket = ANY($1::timestamp[])`,
    insert: `INSERT INTO ${target} (${COLUMNS})
      SELECT b.start, ${dimensions}, sum(r.count), sum(r.units), sum(r.errors), sum(r."bytesIn"), sum(r."bytesOut"),
             sum(r."latencySumMs"), tollgate_sum_buckets(r."latencyBuckets")
      FROM unnest($1::timestamp[]) AS b(start)
      JOIN ${source} r ON r.${sourceTime} >= b.start AND r.${sourceTime} < b.start + interval '${width}'
      GROUP BY b.start, ${dimensions}`,
  };
}

const HOURS = rollUpSql('usage_rollups_hourly', 'usage_rollups', 'minute', '1 hour');
const DAYS = rollUpSql('usage_rollups_daily', 'usage_rollups_hourly', 'bucket', '1 day');

export interface RollUpResult {
  /** False when another worker held the lock; nothing was done. */
  readonly locked: boolean;
  readonly hours: number;
  readonly days: number;
  /** The watermark after the run: every minute changed before it is in the levels (null before the first run). */
  readonly upTo: Date | null;
}

/**
 * Keeps the hourly and daily rollup levels current from the per-minute rollups: every hour
 * whose minutes changed since the watermark (late usage included) is summed again from its
 * minutes, then every day of those hours from its hours. Counts, bytes and latency histograms
 * are sums (histograms bucket by bucket), so percentiles over any level stay exact to the
 * bucket. One transaction: a level never shows half a run.
 */
export async function rollUpLevels(db: Db, options: { timeoutMs?: number } = {}): Promise<RollUpResult> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${ROLLUP_LOCK}) AS locked`;
      const [mark] = await tx.$queryRaw<{ upTo: Date }[]>`SELECT "upTo" FROM rollup_watermarks WHERE level = 'hour'`;
      if (!lock?.locked) return { locked: false, hours: 0, days: 0, upTo: mark?.upTo ?? null };
      const since = mark?.upTo ?? new Date(0);
      const hours = await tx.$queryRawUnsafe<{ bucket: Date }[]>(
        `SELECT DISTINCT date_trunc('hour', minute) AS bucket FROM usage_rollups WHERE "updatedAt" > $1::timestamp - interval '${OVERLAP}'`,
        since.toISOString(),
      );
      const hourStarts = hours.map((row) => row.bucket.toISOString());
      const dayStarts = [...new Set(hourStarts.map((hour) => `${hour.slice(0, 10)}T00:00:00.000Z`))];
      for (const [sql, starts] of [[HOURS, hourStarts], [DAYS, dayStarts]] as const) {
        if (starts.length === 0) continue;
        await tx.$executeRawUnsafe(sql.remove, starts);
        await tx.$executeRawUnsafe(sql.insert, starts);
      }
      // The transaction's start: every minute changed before it is in the levels now.
      const [upTo] = await tx.$queryRaw<{ upTo: Date }[]>`INSERT INTO rollup_watermarks (level, "upTo") VALUES ('hour', now()) ON CONFLICT (level) DO UPDATE SET "upTo" = excluded."upTo" RETURNING "upTo"`;
      return { locked: true, hours: hourStarts.length, days: dayStarts.length, upTo: upTo!.upTo };
    },
    { timeout: options.timeoutMs ?? 120_000, maxWait: 10_000 },
  );
}
