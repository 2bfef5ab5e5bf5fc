import { emptyOutcomeCounts, LATENCY_BUCKET_COUNT, storedOutcome, type OutcomeCounts } from '@tollgate/domain';
import { TotalsBuilder, type AnalyticsTotals, type OutcomeRow } from './analytics-totals';
import type { AnalyticsWindow } from './analytics-window';
import { latencyPercentiles, type LatencyPercentiles } from './latency-percentiles';
import { addHistogram, histogramOf } from './rollup-sql';

export interface AnalyticsPoint extends OutcomeCounts {
  /** ISO start of the bucket. */
  start: string;
  requests: number;
  units: number;
  latencyMs: LatencyPercentiles;
}

/** Rollup rows summed per chart bucket (`floor(epoch ms / bucketMs)`) and outcome. */
export type BucketRow = OutcomeRow & { bucket: bigint };

/** Every bucket of the window (zeros included) with its outcomes and percentiles, and the totals of them all. */
export function seriesOf(window: AnalyticsWindow, rows: BucketRow[]): { series: AnalyticsPoint[]; totals: AnalyticsTotals } {
  const points = new Map<number, { point: AnalyticsPoint; histogram: number[] }>();
  for (let start = window.from.getTime(); start < window.to.getTime(); start += window.bucketMs) {
    const point = { start: new Date(start).toISOString(), requests: 0, units: 0, ...emptyOutcomeCounts(), latencyMs: latencyPercentiles([]) };
    points.set(start / window.bucketMs, { point, histogram: new Array<number>(LATENCY_BUCKET_COUNT).fill(0) });
  }
  const totals = new TotalsBuilder();
  for (const row of rows) {
    totals.add(row);
    const entry = points.get(Number(row.bucket));
    if (!entry) continue;
    entry.point[storedOutcome(row.outcome)] += Number(row.requests);
    entry.point.requests += Number(row.requests);
    entry.point.units += Number(row.units);
    addHistogram(entry.histogram, histogramOf(row.buckets));
  }
  const series = [...points.values()].map(({ point, histogram }) => ({ ...point, latencyMs: latencyPercentiles(histogram) }));
  return { series, totals: totals.build() };
}
