import { describe, expect, it } from 'vitest';
import { MemoryThrottleStore } from './memory-throttle-store';
import { lockoutMs, type ThrottlePolicy } from './throttle-store';

const POLICY: ThrottlePolicy = { limit: 3, windowMs: 60_000, baseLockMs: 1_000, maxLockMs: 8_000 };

describe('lockoutMs', () => {
  it('locks from the limit on, doubling up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 40].map((failures) => lockoutMs(failures, POLICY))).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });
});

describe('MemoryThrottleStore', () => {
  it('locks a key at the limit and clears it on reset', async () => {
    let now = 1_000_000;
    const store = new MemoryThrottleStore(100, () => now);
    expect(await store.recordFailure('a', POLICY, now)).toBe(0);
    expect(await store.recordFailure('a', POLICY, now)).toBe(0);
    expect(await store.recordFailure('a', POLICY, now)).toBe(now + 1_000);
    expect(await store.lockedUntil('a')).toBe(now + 1_000);
    now += 2_000;
    expect(await store.recordFailure('a', POLICY, now)).toBe(now + 2_000);
    await store.reset('a');
    expect(await store.lockedUntil('a')).toBe(0);
  });

  it('forgets failures once the window passes without one', async () => {
    let now = 0;
    const store = new MemoryThrottleStore(100, () => now);
    await store.recordFailure('a', POLICY, now);
    await store.recordFailure('a', POLICY, now);
    now += POLICY.windowMs + 1;
    expect(await store.recordFailure('a', POLICY, now)).toBe(0);
  });

  it('holds at most maxKeys keys, dropping the least recently failed', async () => {
    const store = new MemoryThrottleStore(3, () => 0);
    for (const key of ['a', 'b', 'c']) await store.recordFailure(key, { ...POLICY, limit: 1 }, 0);
    await store.recordFailure('a', { ...POLICY, limit: 1 }, 0);
    for (let i = 0; i < 1_000; i++) await store.recordFailure(`flood-${i}`, POLICY, 0);
    expect(store.size).toBe(3);
    expect(await store.lockedUntil('b')).toBe(0);
  });
});
