import { LATENCY_BUCKET_COUNT } from '@tollgate/domain';
import { Prisma, sqlUtc } from '@tollgate/db';
import type { UsageScope } from './usage-scope';

/** The merged latency histogram of a group: each bucket summed over the group's rollup rows. */
export const LATENCY_BUCKET_SUMS = Prisma.raw(
  `ARRAY[${Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => `coalesce(sum(r."latencyBuckets"[${i + 1}]), 0)`).join(', ')}]::bigint[]`,
);

/** Rollup rows of the scope in [from, to): `from` and `to` are whole minutes. */
export function rollupWhere(scope: UsageScope, from: Date, to: Date): Prisma.Sql {
  const parts = [Prisma.sql`r.minute >= ${sqlUtc(from)}`, Prisma.sql`r.minute < ${sqlUtc(to)}`];
  if (scope.appIds !== null) parts.push(Prisma.sql`r."appId" = ANY(${scope.appIds}::text[])`);
  if (scope.keyId !== null) parts.push(Prisma.sql`r."keyId" = ${scope.keyId}`);
  return Prisma.join(parts, ' AND ');
}

/** bigint[] from PostgreSQL as numbers (counts per bucket fit easily). */
export function histogramOf(buckets: ReadonlyArray<bigint | number | null>): number[] {
  return Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => Number(buckets[i] ?? 0));
}

export function addHistogram(into: number[], add: readonly number[]): void {
  for (let i = 0; i < into.length; i++) into[i]! += add[i] ?? 0;
}
