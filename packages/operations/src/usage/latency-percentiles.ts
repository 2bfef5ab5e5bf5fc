import { latencyQuantile } from '@tollgate/domain';

export interface LatencyPercentiles {
  /** Upper bounds (ms) of the histogram buckets that hold each quantile; null without calls. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** p50/p95/p99 of a merged latency histogram (never an average of percentiles). */
export function latencyPercentiles(histogram: readonly number[]): LatencyPercentiles {
  return { p50: latencyQuantile(histogram, 0.5), p95: latencyQuantile(histogram, 0.95), p99: latencyQuantile(histogram, 0.99) };
}
