import type { Logger } from 'pino';
import type { CounterStore } from './counter-store';
import { Lease } from './lease';
import { ADMITTED, UNAVAILABLE, type LimitCheck } from './limit-check';
import type { LimiterMetrics } from './limiter-metrics';
import { MemoryCounterStore } from './memory-counter-store';

const NEEDS_STORE = -3;
/** While the store is unreachable, at most one request per interval tries it again. */
const PROBE_INTERVAL_MS = 250;
/** Counters outlive their window by this much, so late reservations never recreate them. */
const TTL_MARGIN_MS = 1_000;
/** Leases of scopes idle this long are dropped. */
const IDLE_MS = 5 * 60_000;
/** Store rounds one request may take before it is decided in memory (a safety net, not a path). */
const MAX_ROUNDS = 1_000;

export interface LeaseLimiterOptions {
  store: CounterStore;
  clock: () => number;
  /**
   * Windows follow the store's clock (Redis's TIME) rather than `clock`, so instances whose
   * clocks disagree share one window. Off where the clock is the one tests move.
   */
  alignToStore?: boolean;
  /** Prefix of every counter key, e.g. `tollgate:`. */
  prefix: string;
  /** Largest lease taken in one reservation. */
  maxLease: number;
  log: Logger;
  metrics: LimiterMetrics | null;
}

/**
 * Exact fixed-window limits shared through a counter store, without a round trip per
 * request: an instance reserves a block of units (a lease) that the store counts at
 * once, then admits locally until the block is spent. Leases are sized by the store to
 * a share of the headroom, so they shrink to single units near the limit. Since every
 * leased unit is already counted, the instances together never admit more than the
 * limit; unspent units lapse with their window.
 *
 * When the store fails, decisions fall back to counters in this process with the limit
 * divided among the instances last seen (or answer UNAVAILABLE where the API fails closed).
 */
export class LeaseLimiter {
  readonly #leases = new Map<string, Lease>();
  readonly #fallback: MemoryCounterStore;
  readonly #sweeper: NodeJS.Timeout;
  #degraded = false;
  #nextProbe = 0;

  constructor(private readonly options: LeaseLimiterOptions) {
    this.#fallback = new MemoryCounterStore(() => this.now());
    this.#sweeper = setInterval(() => this.sweep(), 60_000);
    this.#sweeper.unref();
  }

  get degraded(): boolean {
    return this.#degraded;
  }

  get shared(): boolean {
    return this.options.store.shared;
  }

  /** The time windows are counted in: the clock, moved onto the store's where the store keeps one. */
  now(): number {
    const { clock, store, alignToStore } = this.options;
    return alignToStore ? clock() + store.clockOffsetMs : clock();
  }

  /**
   * Checks a request against its counters: ADMITTED (every counter spent `cost`), the
   * index of the first check that refused (nothing spent), or UNAVAILABLE. Answers
   * synchronously whenever the local leases decide.
   */
  take(checks: LimitCheck[], failClosed: boolean): number | Promise<number> {
    const now = this.now();
    const local = this.#decideLocally(checks, now);
    return local === NEEDS_STORE ? this.#decideWithStore(checks, failClosed) : local;
  }

  #decideLocally(checks: LimitCheck[], now: number): number {
    let short = false;
    for (let i = 0; i < checks.length; i++) {
      const check = checks[i]!;
      const lease = this.#lease(check, now);
      if (lease.leased >= check.cost) continue;
      if (lease.isExhausted(check.limit, check.cost)) {
        check.remaining = lease.remaining(check.limit);
        return i;
      }
      short = true;
    }
    if (short) return NEEDS_STORE;
    for (let i = 0; i < checks.length; i++) {
      const check = checks[i]!;
      const lease = this.#leases.get(check.scope)!;
      lease.leased -= check.cost;
      lease.lastUsed = now;
      check.remaining = lease.remaining(check.limit);
    }
    return ADMITTED;
  }

  async #decideWithStore(checks: LimitCheck[], failClosed: boolean): Promise<number> {
    // Each round either spends a lease or learns the window is full; rounds only repeat
    // when other requests took the units first or the window rolled meanwhile.
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (this.#degraded && performance.now() < this.#nextProbe) return this.#decideInMemory(checks, failClosed);
      const now = this.now();
      const decision = this.#decideLocally(checks, now);
      if (decision !== NEEDS_STORE) return decision;
      const check = checks.find((c) => this.#leases.get(c.scope)!.leased < c.cost)!;
      const lease = this.#leases.get(check.scope)!;
      lease.waiting++;
      try {
        await this.#refill(lease, check, now);
      } catch (error) {
        this.#markDegraded(error);
        return this.#decideInMemory(checks, failClosed);
      } finally {
        lease.waiting--;
      }
    }
    return this.#decideInMemory(checks, failClosed);
  }

  async #refill(lease: Lease, check: LimitCheck, now: number): Promise<void> {
    if (lease.pending !== null) return lease.pending;
    const { store, prefix, maxLease, metrics } = this.options;
    const window = lease.windowStart;
    // Enough for the requests already waiting, and more while demand keeps up.
    const want = Math.max(check.cost, Math.min(maxLease, Math.max(lease.nextSize, lease.waiting) * check.cost));
    const pending = (async () => {
      metrics?.storeCalls.inc();
      const reservation = await store.reserve({
        key: `${prefix}${check.scope}:${window}`,
        limit: check.limit,
        want,
        need: check.cost,
        ttlMs: lease.windowEnd - now + TTL_MARGIN_MS,
      });
      this.#markHealthy();
      if (lease.windowStart !== window) return;
      lease.count = Math.max(lease.count, reservation.count);
      if (reservation.granted === 0) {
        lease.exhaustedLimit = check.limit;
        lease.exhaustedNeed = check.cost;
      } else {
        lease.leased += reservation.granted;
        lease.nextSize = Math.min(maxLease, lease.nextSize * 2);
      }
    })();
    lease.pending = pending;
    try {
      await pending;
    } finally {
      if (lease.pending === pending) lease.pending = null;
    }
  }

  /** One request decided by this process alone, with each limit split among the instances. */
  #decideInMemory(checks: LimitCheck[], failClosed: boolean): number {
    if (failClosed) return UNAVAILABLE;
    this.options.metrics?.fallbackDecisions.inc();
    const now = this.now();
    const instances = this.options.store.instances;
    for (let i = 0; i < checks.length; i++) {
      const check = checks[i]!;
      const limit = Math.ceil(check.limit / instances);
      const { granted, count } = this.#fallback.reserve({
        key: `${check.scope}:${check.windowStart}`,
        limit,
        want: check.cost,
        need: check.cost,
        ttlMs: check.windowEnd - now + TTL_MARGIN_MS,
      });
      check.remaining = Math.max(0, limit - count);
      if (granted === 0) return i;
    }
    return ADMITTED;
  }

  #lease(check: LimitCheck, now: number): Lease {
    let lease = this.#leases.get(check.scope);
    if (lease === undefined) {
      lease = new Lease();
      this.#leases.set(check.scope, lease);
    }
    if (lease.windowStart !== check.windowStart) lease.roll(check.windowStart, check.windowEnd);
    lease.lastUsed = now;
    return lease;
  }

  #markDegraded(error: unknown): void {
    this.#nextProbe = performance.now() + PROBE_INTERVAL_MS;
    if (this.#degraded) return;
    this.#degraded = true;
    this.options.metrics?.degraded.set(1);
    this.options.metrics?.outages.inc();
    this.options.log.error(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      'shared rate limiter unreachable: limiting per instance in memory until it is back',
    );
  }

  #markHealthy(): void {
    if (!this.#degraded) return;
    this.#degraded = false;
    this.options.metrics?.degraded.set(0);
    this.options.log.info('shared rate limiter reachable again: shared limits resumed');
  }

  /** Drops leases of scopes not used for a while, giving their unspent units back. */
  sweep(): void {
    const cutoff = this.now() - IDLE_MS;
    for (const [scope, lease] of this.#leases) {
      if (lease.lastUsed >= cutoff || lease.pending !== null) continue;
      this.#leases.delete(scope);
      void this.#release(scope, lease).catch(() => {});
    }
  }

  /** Unspent units of a lease whose window is still open go back to the shared counter. */
  async #release(scope: string, lease: Lease): Promise<void> {
    if (lease.leased <= 0 || lease.windowEnd <= this.now()) return;
    const units = lease.leased;
    lease.leased = 0;
    await this.options.store.release(`${this.options.prefix}${scope}:${lease.windowStart}`, units);
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    if (!this.#degraded) {
      const releases = [...this.#leases].map(([scope, lease]) => this.#release(scope, lease).catch(() => {}));
      await Promise.race([Promise.all(releases), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    }
    this.#leases.clear();
    await this.#fallback.close();
    await this.options.store.close();
  }
}
