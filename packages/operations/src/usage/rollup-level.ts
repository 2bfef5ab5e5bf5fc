/**
 * Where a usage query reads and how wide its buckets are. The gateways write per-minute
 * rollups (`usage_rollups`); the worker keeps hourly and daily sums of them
 * (`usage_rollups_hourly`, `usage_rollups_daily`, RFC 0007). A chart bucket is read from the
 * coarsest stored level that divides it, so a 30-day view sums hours, not 43,200 minutes.
 */
export type RollupSource = 'minute' | 'hour' | 'day';

export interface RollupLevel {
  /** The stored level the query reads (the minutes after the worker's watermark always come from `minute`). */
  source: RollupSource;
  /** Width of one chart bucket, a multiple of the source's width. */
  bucketMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Bucket widths a chart may use, narrowest first; each divides a day, so buckets line up with UTC midnight. */
export const BUCKET_LADDER_MS: readonly number[] = Object.freeze([MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 6 * HOUR, DAY]);

/** Past this many buckets a chart stops being readable and the query does needless work. */
export const MAX_BUCKETS = 180;

export const ROLLUP_SOURCE_MS: Readonly<Record<RollupSource, number>> = Object.freeze({ minute: MINUTE, hour: HOUR, day: DAY });

/** A view of at least this many buckets is read from a stored level's own width when one fits (24 hours, 30 days). */
export const MIN_LEVEL_BUCKETS = 24;

const STORED_COARSEST_FIRST: ReadonlyArray<[RollupSource, number]> = [
  ['day', DAY],
  ['hour', HOUR],
];

/**
 * Without an asked interval: the widest stored level (day, hour) that still gives the range
 * MIN_LEVEL_BUCKETS to MAX_BUCKETS buckets, so a view reads as few rows as it can (24 h -> 1 h,
 * 30 d -> 1 d, 7 d -> 1 h); otherwise, and with an asked `intervalMs`, the narrowest ladder
 * width at least that interval that keeps the range within MAX_BUCKETS (1 h -> 1 min), read
 * from the coarsest level whose width divides it.
 */
export function pickRollupLevel(rangeMs: number, intervalMs?: number): RollupLevel {
  if (intervalMs === undefined) {
    for (const [source, width] of STORED_COARSEST_FIRST) {
      const buckets = Math.ceil(rangeMs / width);
      if (buckets >= MIN_LEVEL_BUCKETS && buckets <= MAX_BUCKETS) return { source, bucketMs: width };
    }
  }
  const bucketMs = BUCKET_LADDER_MS.find((width) => width >= (intervalMs ?? MINUTE) && Math.ceil(rangeMs / width) <= MAX_BUCKETS) ?? DAY;
  const source = bucketMs % DAY === 0 ? 'day' : bucketMs % HOUR === 0 ? 'hour' : 'minute';
  return { source, bucketMs };
}
