import { Prisma } from '@tollgate/db';
import type { Tx } from '../core/define-operation';
import { analyticsWhere, type AnalyticsFilter } from './analytics-filter';
import { readBreakdown, type AnalyticsBreakdown } from './analytics-top';
import { TotalsBuilder, type AnalyticsTotals, type OutcomeRow } from './analytics-totals';
import type { AnalyticsWindow } from './analytics-window';
import { seriesOf, type AnalyticsPoint, type BucketRow } from './analytics-series';
import { LATENCY_BUCKET_SUMS, readRollupWatermark, rollupRows } from './rollup-sql';

export type { AnalyticsPoint } from './analytics-series';

export interface AnalyticsReport extends AnalyticsBreakdown {
  range: AnalyticsWindow['range'];
  from: string;
  to: string;
  bucketMs: number;
  /** One point per bucket, empty ones included, oldest first. */
  series: AnalyticsPoint[];
  totals: AnalyticsTotals;
  /** The same number of buckets just before, for the change shown beside each figure. */
  previous: { from: string; to: string; totals: AnalyticsTotals };
}

const EMPTY_BREAKDOWN: AnalyticsBreakdown = Object.freeze({ topApis: [], topRoutes: [], topApps: [], topTeams: [], topUpstreamVersions: [], statusClasses: [] });

/**
 * One dashboard from the rollups: calls per bucket stacked by outcome with latency percentiles
 * per bucket, totals now and for the period before, and the top APIs, routes, apps, teams,
 * upstream versions and status classes, all under the same filter. Reads the level the window calls for and the
 * minutes after the worker's watermark (rollupRows).
 */
export async function readAnalytics(tx: Tx, filter: AnalyticsFilter, window: AnalyticsWindow): Promise<AnalyticsReport> {
  const empty = filter.scope.appIds !== null && filter.scope.appIds.length === 0;
  const watermark = window.source === 'minute' ? null : await readRollupWatermark(tx);
  const rows = rollupRows(filter.scope, window.source, window.from, window.to, watermark);
  const previousRows = rollupRows(filter.scope, window.source, window.previous.from, window.previous.to, watermark);
  const where = analyticsWhere(filter);
  const bucketOf = Prisma.sql`floor(extract(epoch from r.t) * 1000 / ${window.bucketMs})::bigint`;
  // Three scans of the window's rows: per bucket and outcome, the period before, and the breakdown the tables are summed from.
  const [buckets, previous, breakdown] = empty
    ? [[], [], EMPTY_BREAKDOWN]
    : await Promise.all([
        tx.$queryRaw<BucketRow[]>`
          SELECT ${bucketOf} AS bucket, r.outcome, sum(r.count)::bigint AS requests, sum(r.units)::bigint AS units, ${LATENCY_BUCKET_SUMS} AS buckets
          FROM ${rows} ${where} GROUP BY 1, 2`,
        tx.$queryRaw<OutcomeRow[]>`
          SELECT r.outcome, sum(r.count)::bigint AS requests, sum(r.units)::bigint AS units, ${LATENCY_BUCKET_SUMS} AS buckets
          FROM ${previousRows} ${where} GROUP BY 1`,
        readBreakdown(tx, rows, where),
      ]);
  const previousTotals = new TotalsBuilder();
  for (const row of previous) previousTotals.add(row);
  return {
    range: window.range,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    bucketMs: window.bucketMs,
    ...seriesOf(window, buckets),
    previous: { from: window.previous.from.toISOString(), to: window.previous.to.toISOString(), totals: previousTotals.build() },
    ...breakdown,
  };
}
