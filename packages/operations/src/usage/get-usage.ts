import { ZUsageQuery, USAGE_RANGE_MS, type TUsageRange } from '@tollgate/contracts';
import { Prisma } from '@tollgate/db';
import { defineOperation, type Tx } from '../core/define-operation';
import { addHistogram, histogramOf, LATENCY_BUCKET_SUMS, readRollupWatermark, rollupRows } from './rollup-sql';
import { latencyPercentiles, type LatencyPercentiles } from './latency-percentiles';
import { pickRollupLevel } from './rollup-level';
import { emptyOutcomeCounts, LATENCY_BUCKET_COUNT, storedOutcome, type OutcomeCounts } from '@tollgate/domain';
import { resolveUsageScope, type UsageScope } from './usage-scope';

export type { LatencyPercentiles } from './latency-percentiles';

export interface UsagePoint extends OutcomeCounts {
  /** ISO start of the bucket. */
  start: string;
  requests: number;
  units: number;
}

export interface UsageEndpoint {
  api: string;
  route: string;
  requests: number;
  errors: number;
  units: number;
  latencyMs: LatencyPercentiles;
}

export interface UsageReport {
  range: TUsageRange;
  /** Inclusive ISO start of the first bucket. */
  from: string;
  /** Exclusive ISO end: the end of the current minute, so calls flushed this minute show. */
  to: string;
  bucketMs: number;
  /** One point per bucket, empty buckets included, oldest first. */
  series: UsagePoint[];
  totals: OutcomeCounts & { requests: number; units: number; errors: number };
  latencyMs: LatencyPercentiles;
  /** The busiest routes, most requests first. */
  topEndpoints: UsageEndpoint[];
}

const TOP_ENDPOINTS = 10;
const MINUTE = 60_000;

interface BucketRow {
  bucket: bigint;
  outcome: string;
  requests: bigint;
  units: bigint;
  buckets: bigint[];
}

interface EndpointRow {
  api: string;
  route: string;
  requests: bigint;
  errors: bigint;
  units: bigint;
  buckets: bigint[];
}

/**
 * Calls over time by outcome, latency percentiles from the merged histograms, and the top
 * endpoints, read from the rollups (never the raw request log) at the level the range calls
 * for (pickRollupLevel), the minutes the worker has not rolled up yet included. A developer
 * sees their teams' apps; `app` and `key` narrow that and are not_found outside it.
 */
export const getUsage = defineOperation({
  name: 'usage.get',
  role: 'developer',
  input: ZUsageQuery,
  async run(tx, input, ctx) {
    const scope = await resolveUsageScope(tx, ctx.principal, input);
    return readUsage(tx, scope, input.range, input.intervalMs, new Date());
  },
});

/** The report over the range that ends with the minute holding `now`. */
export async function readUsage(tx: Tx, scope: UsageScope, range: TUsageRange, intervalMs: number | undefined, now: Date): Promise<UsageReport> {
  const rangeMs = USAGE_RANGE_MS[range];
  const { source, bucketMs } = pickRollupLevel(rangeMs, intervalMs);
  const to = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE + MINUTE);
  const from = new Date(Math.floor((to.getTime() - rangeMs) / bucketMs) * bucketMs);
  if (scope.appIds !== null && scope.appIds.length === 0) return report(range, from, to, bucketMs, [], []);
  const rows = rollupRows(scope, source, from, to, source === 'minute' ? null : await readRollupWatermark(tx));
  const bucketOf = Prisma.sql`floor(extract(epoch from r.t) * 1000 / ${bucketMs})::bigint`;
  const [buckets, endpoints] = await Promise.all([
    tx.$queryRaw<BucketRow[]>`
      SELECT ${bucketOf} AS bucket, r.outcome, sum(r.count)::bigint AS requests,
             sum(r.units)::bigint AS units, ${LATENCY_BUCKET_SUMS} AS buckets
      FROM ${rows}
      GROUP BY 1, 2`,
    tx.$queryRaw<EndpointRow[]>`
      SELECT coalesce(a.slug, r."apiId"::text) AS api, r."routeKey" AS route, sum(r.count)::bigint AS requests,
             sum(r.errors)::bigint AS errors, sum(r.units)::bigint AS units, ${LATENCY_BUCKET_SUMS} AS buckets
      FROM ${rows} LEFT JOIN apis a ON a.id = r."apiId"
      GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ${TOP_ENDPOINTS}`,
  ]);
  return report(range, from, to, bucketMs, buckets, endpoints);
}

function report(range: TUsageRange, from: Date, to: Date, bucketMs: number, rows: BucketRow[], endpoints: EndpointRow[]): UsageReport {
  const series: UsagePoint[] = [];
  const index = new Map<number, UsagePoint>();
  for (let start = from.getTime(); start < to.getTime(); start += bucketMs) {
    const point = { start: new Date(start).toISOString(), requests: 0, units: 0, ...emptyOutcomeCounts() };
    index.set(start / bucketMs, point);
    series.push(point);
  }
  const totals = { requests: 0, units: 0, errors: 0, ...emptyOutcomeCounts() };
  const histogram = new Array<number>(LATENCY_BUCKET_COUNT).fill(0);
  for (const row of rows) {
    const requests = Number(row.requests);
    const outcome = storedOutcome(row.outcome);
    const point = index.get(Number(row.bucket));
    if (point) {
      point[outcome] += requests;
      point.requests += requests;
      point.units += Number(row.units);
    }
    totals[outcome] += requests;
    totals.requests += requests;
    totals.units += Number(row.units);
    addHistogram(histogram, histogramOf(row.buckets));
  }
  totals.errors = totals.requests - totals.success;
  return {
    range,
    from: from.toISOString(),
    to: to.toISOString(),
    bucketMs,
    series,
    totals,
    latencyMs: latencyPercentiles(histogram),
    topEndpoints: endpoints.map((row) => ({
      api: row.api,
      route: row.route,
      requests: Number(row.requests),
      errors: Number(row.errors),
      units: Number(row.units),
      latencyMs: latencyPercentiles(histogramOf(row.buckets)),
    })),
  };
}
