import { USAGE_RANGE_MS, type TAnalyticsFilter, type TUsageRange } from '@tollgate/contracts';
import { pickRollupLevel, type RollupSource } from './rollup-level';

export interface AnalyticsWindow {
  /** The named range, or `custom` for from/to. */
  range: TUsageRange | 'custom';
  /** Inclusive start of the first bucket. */
  from: Date;
  /** Exclusive end: the end of the current minute for a named range, the end of the last bucket for a custom one. */
  to: Date;
  bucketMs: number;
  source: RollupSource;
  /** The same number of buckets just before `from`, for comparison. */
  previous: { from: Date; to: Date };
}

const MINUTE = 60_000;

/**
 * The buckets a dashboard reads. A named range ends with the minute holding `now` (as readUsage
 * does, so calls flushed this minute show); a custom one is widened to whole buckets, so no
 * bucket is read in part and the hourly and daily levels answer exactly.
 */
export function analyticsWindow(filter: Pick<TAnalyticsFilter, 'range' | 'from' | 'to' | 'intervalMs'>, now: Date): AnalyticsWindow {
  if (filter.from !== undefined && filter.to !== undefined) {
    const askedFrom = Date.parse(filter.from);
    const askedTo = Date.parse(filter.to);
    const { source, bucketMs } = pickRollupLevel(askedTo - askedFrom, filter.intervalMs);
    const from = Math.floor(askedFrom / bucketMs) * bucketMs;
    const to = Math.ceil(askedTo / bucketMs) * bucketMs;
    return window('custom', from, to, bucketMs, source);
  }
  const range = filter.range ?? '24h';
  const rangeMs = USAGE_RANGE_MS[range];
  const { source, bucketMs } = pickRollupLevel(rangeMs, filter.intervalMs);
  const to = Math.floor(now.getTime() / MINUTE) * MINUTE + MINUTE;
  const from = Math.floor((to - rangeMs) / bucketMs) * bucketMs;
  return window(range, from, to, bucketMs, source);
}

function window(range: AnalyticsWindow['range'], from: number, to: number, bucketMs: number, source: RollupSource): AnalyticsWindow {
  const span = Math.ceil((to - from) / bucketMs) * bucketMs;
  return { range, from: new Date(from), to: new Date(to), bucketMs, source, previous: { from: new Date(from - span), to: new Date(from) } };
}
