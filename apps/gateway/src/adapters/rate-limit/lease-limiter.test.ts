import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { CounterStore, Reservation, ReserveRequest } from './counter-store';
import { LeaseLimiter } from './lease-limiter';
import { ADMITTED, UNAVAILABLE, type LimitCheck } from './limit-check';
import { LimiterMetrics } from './limiter-metrics';
import { MemoryCounterStore } from './memory-counter-store';

const log = pino({ level: 'silent' });

/** A store that forwards to memory counters and can be switched off, as a lost Redis would be. */
class SwitchableStore implements CounterStore {
  readonly shared = true;
  instances = 2;
  calls = 0;
  clockOffsetMs = 0;
  readonly pendingCommands = 0;
  up = true;
  readonly inner: MemoryCounterStore;
  constructor(now: () => number) {
    this.inner = new MemoryCounterStore(now);
  }
  async reserve(request: ReserveRequest): Promise<Reservation> {
    this.calls++;
    if (!this.up) throw new Error('connection is closed');
    return this.inner.reserve(request);
  }
  release(key: string, units: number): void {
    this.calls++;
    this.inner.release(key, units);
  }
  async close(): Promise<void> {}
}

function checks(now: number, limit: number, cost = 1, windowMs = 60_000): LimitCheck[] {
  const start = now - (now % windowMs);
  return [{ scope: 'r:s', limit, cost, windowStart: start, windowEnd: start + windowMs, remaining: 0 }];
}

describe('LeaseLimiter', () => {
  it('admits exactly the limit in a window and counts down remaining', async () => {
    let now = 1_000_000;
    const limiter = new LeaseLimiter({ store: new MemoryCounterStore(() => now), clock: () => now, prefix: 't:', maxLease: 100, log, metrics: null });
    const remaining: number[] = [];
    for (let i = 0; i < 7; i++) {
      const c = checks(now, 5);
      const decision = await limiter.take(c, false);
      remaining.push(decision === ADMITTED ? c[0]!.remaining : -1);
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0, -1, -1]);
    now += 60_000;
    expect(await limiter.take(checks(now, 5), false)).toBe(ADMITTED);
    await limiter.close();
  });

  it('answers from its lease without calling the store', async () => {
    const now = 5_000_000;
    const store = new SwitchableStore(() => now);
    const limiter = new LeaseLimiter({ store, clock: () => now, prefix: 't:', maxLease: 1_000, log, metrics: null });
    for (let i = 0; i < 1_000; i++) expect(await limiter.take(checks(now, 1_000_000), false)).toBe(ADMITTED);
    expect(store.calls).toBeLessThan(20);
    await limiter.close();
  });

  it('never lets two limiters on one store admit more than the limit', async () => {
    const now = 9_000_000;
    const store = new SwitchableStore(() => now);
    const a = new LeaseLimiter({ store, clock: () => now, prefix: 't:', maxLease: 1_000, log, metrics: null });
    const b = new LeaseLimiter({ store, clock: () => now, prefix: 't:', maxLease: 1_000, log, metrics: null });
    const decisions = await Promise.all(Array.from({ length: 300 }, (_, i) => (i % 2 ? a : b).take(checks(now, 100), false)));
    expect(decisions.filter((d) => d === ADMITTED)).toHaveLength(100);
  });

  it('gives unspent leased units back when it closes', async () => {
    const now = 11_000_000;
    const store = new SwitchableStore(() => now);
    const a = new LeaseLimiter({ store, clock: () => now, prefix: 't:', maxLease: 100, log, metrics: null });
    expect(await a.take(checks(now, 10), false)).toBe(ADMITTED);
    expect(await a.take(checks(now, 10), false)).toBe(ADMITTED);
    await a.close();
    const b = new LeaseLimiter({ store, clock: () => now, prefix: 't:', maxLease: 100, log, metrics: null });
    const decisions: number[] = [];
    for (let i = 0; i < 10; i++) decisions.push(await b.take(checks(now, 10), false));
    expect(decisions.filter((d) => d === ADMITTED)).toHaveLength(8);
  });

  it('does not spend a weighted cost that no longer fits, but lets a smaller one through', async () => {
    const now = 7_000_000;
    const limiter = new LeaseLimiter({ store: new MemoryCounterStore(() => now), clock: () => now, prefix: 't:', maxLease: 100, log, metrics: null });
    expect(await limiter.take(checks(now, 12, 5), false)).toBe(ADMITTED);
    expect(await limiter.take(checks(now, 12, 5), false)).toBe(ADMITTED);
    expect(await limiter.take(checks(now, 12, 5), false)).toBe(0);
    expect(await limiter.take(checks(now, 12, 2), false)).toBe(ADMITTED);
    expect(await limiter.take(checks(now, 12, 1), false)).toBe(0);
  });

  it('falls back to its share of the limit in memory while the store is down, and goes back after', async () => {
    let now = 3_000_000;
    const store = new SwitchableStore(() => now);
    const registry = new Registry();
    const metrics = new LimiterMetrics(registry, store);
    const limiter = new LeaseLimiter({ store, clock: () => now, prefix: 't:', maxLease: 100, log, metrics });
    store.up = false;
    const decisions: number[] = [];
    for (let i = 0; i < 10; i++) decisions.push(await limiter.take(checks(now, 10), false));
    // Two instances known: this one keeps to 5 of the 10.
    expect(decisions.filter((d) => d === ADMITTED)).toHaveLength(5);
    expect(limiter.degraded).toBe(true);
    expect((await registry.getSingleMetric('tollgate_gateway_rate_limiter_degraded_state')!.get()).values[0]!.value).toBe(1);
    expect(await limiter.take(checks(now, 10), true)).toBe(UNAVAILABLE);
    store.up = true;
    now += 60_000;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await limiter.take(checks(now, 10), false)).toBe(ADMITTED);
    expect(limiter.degraded).toBe(false);
    expect((await registry.getSingleMetric('tollgate_gateway_rate_limiter_degraded_total')!.get()).values[0]!.value).toBe(1);
  });

  it('counts in the store\'s time when aligned, so instances whose clocks disagree share one window', async () => {
    const real = 10 * 60_000 + 10_000;
    const store = new SwitchableStore(() => real);
    const skewed = new SwitchableStore(() => real);
    Object.assign(skewed, { inner: store.inner, clockOffsetMs: -45_000 });
    const a = new LeaseLimiter({ store, clock: () => real, alignToStore: true, prefix: 't:', maxLease: 100, log, metrics: null });
    const b = new LeaseLimiter({ store: skewed, clock: () => real + 45_000, alignToStore: true, prefix: 't:', maxLease: 100, log, metrics: null });
    expect(b.now()).toBe(a.now());
    let admitted = 0;
    for (let i = 0; i < 10; i++) for (const limiter of [a, b]) if ((await limiter.take(checks(limiter.now(), 10), false)) === ADMITTED) admitted++;
    expect(admitted).toBe(10);
  });
});
