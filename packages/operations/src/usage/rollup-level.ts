/**
 * Where a usage query reads and how wide its buckets are. The gateways write one rollup
 * level, per minute (`usage_rollups`); coarser buckets are summed from it at query time.
 * Coarser stored levels (hourly, daily), when they come, are chosen here and nowhere else.
 */
export interface RollupLevel {
  /** The stored rollups the query reads. */
  source: 'minute';
  /** Width of one chart bucket, a multiple of the source's width. */
  bucketMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Bucket widths a chart may use, narrowest first; each divides a day, so buckets line up with UTC midnight. */
export const BUCKET_LADDER_MS: readonly number[] = Object.freeze([MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 6 * HOUR, 24 * HOUR]);

/** Past this many buckets a chart stops being readable and the query does needless work. */
export const MAX_BUCKETS = 180;

/**
 * The narrowest ladder width at least `intervalMs` (when asked for) that keeps `rangeMs`
 * within MAX_BUCKETS buckets: 1 h -> 1 min, 24 h -> 15 min, 7 d -> 1 h, 30 d -> 6 h.
 */
export function pickRollupLevel(rangeMs: number, intervalMs = MINUTE): RollupLevel {
  const fits = BUCKET_LADDER_MS.find((width) => width >= intervalMs && Math.ceil(rangeMs / width) <= MAX_BUCKETS);
  return { source: 'minute', bucketMs: fits ?? BUCKET_LADDER_MS.at(-1)! };
}
