import { randomBytes } from 'node:crypto';
import { testRedisUrl } from '@tollgate/db/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisThrottleStore } from './redis-throttle-store';
import type { ThrottlePolicy } from './throttle-store';

const POLICY: ThrottlePolicy = { limit: 3, windowMs: 60_000, baseLockMs: 1_000, maxLockMs: 8_000 };

describe('RedisThrottleStore', () => {
  let redis: Redis;
  let store: RedisThrottleStore;
  const prefix = `tollgate:test:${randomBytes(4).toString('hex')}:`;

  beforeAll(() => {
    redis = new Redis(testRedisUrl());
    store = new RedisThrottleStore(redis, prefix);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('locks at the limit with doubling lockouts, as the memory store does', async () => {
    const now = 1_700_000_000_000;
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await store.recordFailure('account:a', POLICY, now));
    expect(results).toEqual([0, 0, now + 1_000, now + 2_000, now + 4_000, now + 8_000, now + 8_000]);
    expect(await store.lockedUntil('account:a')).toBe(now + 8_000);
    expect(await redis.pttl(`${prefix}account:a`)).toBeGreaterThan(50_000);
  });

  it('reset clears the count', async () => {
    for (let i = 0; i < 3; i++) await store.recordFailure('account:b', POLICY, 1);
    await store.reset('account:b');
    expect(await store.lockedUntil('account:b')).toBe(0);
    expect(await store.recordFailure('account:b', POLICY, 1)).toBe(0);
  });
});
