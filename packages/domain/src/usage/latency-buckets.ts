/**
 * Upper bounds (milliseconds, inclusive) of the latency histogram kept in usage rollups.
 * A rollup's `latencyBuckets` has one count per bound plus a last one for slower calls.
 * Changing these bounds changes the meaning of stored rollups: only ever append.
 */
export const LATENCY_BUCKET_BOUNDS_MS: readonly number[] = Object.freeze([1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000]);

/** Number of counts in a rollup's histogram (the bounds plus the overflow bucket). */
export const LATENCY_BUCKET_COUNT = LATENCY_BUCKET_BOUNDS_MS.length + 1;

/** Index of the bucket a latency falls into. */
export function latencyBucketIndex(ms: number): number {
  const bounds = LATENCY_BUCKET_BOUNDS_MS;
  let i = 0;
  while (i < bounds.length && ms > bounds[i]!) i++;
  return i;
}

/**
 * The q-quantile (0..1) of a histogram, as the upper bound of the bucket that holds it
 * (the overflow bucket reports the last bound). Null when the histogram is empty.
 */
export function latencyQuantile(buckets: readonly number[], q: number): number | null {
  let total = 0;
  for (const count of buckets) total += count;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i]!;
    if (seen >= rank) return LATENCY_BUCKET_BOUNDS_MS[Math.min(i, LATENCY_BUCKET_BOUNDS_MS.length - 1)]!;
  }
  return LATENCY_BUCKET_BOUNDS_MS[LATENCY_BUCKET_BOUNDS_MS.length - 1]!;
}
