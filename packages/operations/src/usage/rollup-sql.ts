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

/**
 * The scope's rollup rows in [from, to) as one derived table `r` with a time column `t`:
 * the chosen level's rows for the buckets the worker has rolled up (before the watermark's
 * bucket), the minutes for the rest, so the newest calls show without waiting for the worker.
 */
export function rollupRows(scope: UsageScope, source: RollupSource, from: Date, to: Date, watermark: Date | null): Prisma.Sql {
  const width = ROLLUP_SOURCE_MS[source];
  const split = source === 'minute' || watermark === null ? from : new Date(Math.min(to.getTime(), Math.max(from.getTime(), Math.floor(watermark.getTime() / width) * width)));
  const parts = [select('minute', scope, split, to)];
  if (split > from) parts.unshift(select(source, scope, from, split));
  return Prisma.sql`(${Prisma.join(parts, ' UNION ALL ')}) r`;
}

function select(source: RollupSource, scope: UsageScope, from: Date, to: Date): Prisma.Sql {
  const { table, time } = LEVELS[source];
  const column = Prisma.raw(`l."${time}"`);
  const where = [Prisma.sql`${column} >= ${sqlUtc(from)}`, Prisma.sql`${column} < ${sqlUtc(to)}`];
  if (scope.appIds !== null) where.push(Prisma.sql`l."appId" = ANY(${scope.appIds}::text[])`);
  if (scope.keyId !== null) where.push(Prisma.sql`l."keyId" = ${scope.keyId}`);
  return Prisma.sql`SELECT ${column} AS t, l."apiId", l."routeKey", l."appId", l."keyId", l."planId", l."statusClass", l.outcome, l.count, l.units, l.errors, l."latencyBuckets"
    FROM ${Prisma.raw(table)} l WHERE ${Prisma.join(where, ' AND ')}`;
}

/** bigint[] from PostgreSQL as numbers (counts per bucket fit easily). */
export function histogramOf(buckets: ReadonlyArray<bigint | number | null>): number[] {
  return Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => Number(buckets[i] ?? 0));
}

export function addHistogram(into: number[], add: readonly number[]): void {
  for (let i = 0; i < into.length; i++) into[i]! += add[i] ?? 0;
}
