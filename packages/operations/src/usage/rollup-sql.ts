import { LATENCY_BUCKET_COUNT } from '@tollgate/domain';
import { Prisma, sqlUtc } from '@tollgate/db';
import type { Tx } from '../core/define-operation';
import { ROLLUP_SOURCE_MS, type RollupSource } from './rollup-level';
import type { UsageScope } from './usage-scope';

/** The merged latency histogram of a group: each bucket summed over the group's rollup rows. */
export const LATENCY_BUCKET_SUMS = Prisma.raw(
  `ARRAY[${Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => `coalesce(sum(r."latencyBuckets"[${i + 1}]), 0)`).join(', ')}]::bigint[]`,
);

const LEVELS: Readonly<Record<RollupSource, { table: string; time: string }>> = {
  minute: { table: 'usage_rollups', time: 'minute' },
  hour: { table: 'usage_rollups_hourly', time: 'bucket' },
  day: { table: 'usage_rollups_daily', time: 'bucket' },
};

/** How far the worker has rolled minutes into hours and days (null before its first run). */
export async function readRollupWatermark(tx: Tx): Promise<Date | null> {
  const [mark] = await tx.$queryRaw<{ upTo: Date }[]>`SELECT "upTo" FROM rollup_watermarks WHERE level = 'hour'`;
  return mark?.upTo ?? null;
}

/** Stored levels, coarsest first: a window is read from the coarsest its buckets allow, down to the minutes. */
const COARSEST_FIRST: readonly RollupSource[] = ['day', 'hour', 'minute'];

/**
 * The scope's rollup rows in [from, to) as one derived table `r` with a time column `t`.
 * The worker has rolled every minute before its watermark into hours and days, so the window
 * is cut at the watermark's day and hour: the chosen level's rows up to the day (or hour) the
 * watermark is in, the hourly rows of the watermark's day up to its hour, and the minutes
 * after that, so the newest calls show without waiting for the worker and a day bucket that
 * ends today reads hours, not every minute of today.
 */
export function rollupRows(scope: UsageScope, source: RollupSource, from: Date, to: Date, watermark: Date | null): Prisma.Sql {
  const levels = COARSEST_FIRST.slice(COARSEST_FIRST.indexOf(source));
  const parts: Prisma.Sql[] = [];
  let start = from.getTime();
  for (const level of levels) {
    const width = ROLLUP_SOURCE_MS[level];
    // How far this level is complete: the watermark's bucket of it (the minutes are always complete).
    const end = level === 'minute' ? to.getTime() : watermark === null ? start : Math.min(to.getTime(), Math.max(start, Math.floor(watermark.getTime() / width) * width));
    if (end > start || level === 'minute') parts.push(select(level, scope, new Date(start), new Date(Math.max(start, end))));
    start = Math.max(start, end);
  }
  return Prisma.sql`(${Prisma.join(parts, ' UNION ALL ')}) r`;
}

function select(source: RollupSource, scope: UsageScope, from: Date, to: Date): Prisma.Sql {
  const { table, time } = LEVELS[source];
  const column = Prisma.raw(`l."${time}"`);
  const where = [Prisma.sql`${column} >= ${sqlUtc(from)}`, Prisma.sql`${column} < ${sqlUtc(to)}`];
  if (scope.appIds !== null) where.push(Prisma.sql`l."appId" = ANY(${scope.appIds}::text[])`);
  if (scope.keyId !== null) where.push(Prisma.sql`l."keyId" = ${scope.keyId}`);
  return Prisma.sql`SELECT ${column} AS t, l."apiId", l."routeKey", l."appId", l."keyId", l."planId", l."statusClass", l.outcome, l."upstreamVersion", l.count, l.units, l.errors, l."latencyBuckets"
    FROM ${Prisma.raw(table)} l WHERE ${Prisma.join(where, ' AND ')}`;
}

/** bigint[] from PostgreSQL as numbers (counts per bucket fit easily). */
export function histogramOf(buckets: ReadonlyArray<bigint | number | null>): number[] {
  return Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => Number(buckets[i] ?? 0));
}

export function addHistogram(into: number[], add: readonly number[]): void {
  for (let i = 0; i < into.length; i++) into[i]! += add[i] ?? 0;
}
