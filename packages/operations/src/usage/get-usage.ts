import { ZUsageQuery, type TUsageRange } from '@tollgate/contracts';
import { Prisma } from '@tollgate/db';
import { defineOperation, type Tx } from '../core/define-operation';
import { seriesOf, type AnalyticsPoint, type BucketRow } from './analytics-series';
import type { AnalyticsTotals } from './analytics-totals';
import { analyticsWindow } from './analytics-window';
import { histogramOf, LATENCY_BUCKET_SUMS, readRollupWatermark, rollupRows } from './rollup-sql';
import { latencyPercentiles, type LatencyPercentiles } from './latency-percentiles';
import { resolveUsageScope, type UsageScope } from './usage-scope';

export type { LatencyPercentiles } from './latency-percentiles';

/** One bucket of the chart: calls by outcome, units and latency percentiles. */
export type UsagePoint = AnalyticsPoint;

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
  totals: AnalyticsTotals;
  /** The range's latency percentiles (totals.latencyMs). */
  latencyMs: LatencyPercentiles;
  /** The busiest routes, most requests first. */
  topEndpoints: UsageEndpoint[];
}

const TOP_ENDPOINTS = 10;

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

/** The report over the range that ends with the minute holding `now` (the dashboards' window, series and totals). */
export async function readUsage(tx: Tx, scope: UsageScope, range: TUsageRange, intervalMs: number | undefined, now: Date): Promise<UsageReport> {
  const window = analyticsWindow({ range, intervalMs }, now);
  const empty = scope.appIds !== null && scope.appIds.length === 0;
  const rows = rollupRows(scope, window.source, window.from, window.to, window.source === 'minute' ? null : await readRollupWatermark(tx));
  const bucketOf = Prisma.sql`floor(extract(epoch from r.t) * 1000 / ${window.bucketMs})::bigint`;
  const [buckets, endpoints] = empty
    ? [[], []]
    : await Promise.all([
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
  const { series, totals } = seriesOf(window, buckets);
  return {
    range,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    bucketMs: window.bucketMs,
    series,
    totals,
    latencyMs: totals.latencyMs,
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
