import { describe, expect, it } from 'vitest';
import { LATENCY_BUCKET_BOUNDS_MS, LATENCY_BUCKET_COUNT, latencyBucketIndex, latencyQuantile } from './latency-buckets';

describe('latency buckets', () => {
  it('puts a latency in the first bucket whose bound holds it', () => {
    expect(latencyBucketIndex(0.2)).toBe(0);
    expect(latencyBucketIndex(1)).toBe(0);
    expect(latencyBucketIndex(1.01)).toBe(1);
    expect(latencyBucketIndex(99)).toBe(LATENCY_BUCKET_BOUNDS_MS.indexOf(100));
    expect(latencyBucketIndex(60_000)).toBe(LATENCY_BUCKET_COUNT - 1);
  });

  it('computes quantiles from counts', () => {
    const buckets = new Array<number>(LATENCY_BUCKET_COUNT).fill(0);
    buckets[latencyBucketIndex(3)] = 90;
    buckets[latencyBucketIndex(80)] = 9;
    buckets[latencyBucketIndex(900)] = 1;
    expect(latencyQuantile(buckets, 0.5)).toBe(5);
    expect(latencyQuantile(buckets, 0.95)).toBe(100);
    expect(latencyQuantile(buckets, 0.999)).toBe(1_000);
    expect(latencyQuantile(new Array<number>(LATENCY_BUCKET_COUNT).fill(0), 0.5)).toBeNull();
  });
});
