import type { CounterStore, Reservation, ReserveRequest } from './counter-store';

interface Counter {
  count: number;
  expiresAt: number;
}

/**
 * Counters in this process: the limiter's store when no Redis is configured, and its
 * fallback while Redis is unreachable. Expired counters are swept on a timer.
 */
export class MemoryCounterStore implements CounterStore {
  readonly shared = false;
  readonly instances = 1;
  readonly clockOffsetMs = 0;
  readonly pendingCommands = 0;
  calls = 0;
  readonly #counters = new Map<string, Counter>();
  readonly #sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.#sweeper = setInterval(() => this.sweep(), 10_000);
    this.#sweeper.unref();
  }

  reserve({ key, limit, want, need, ttlMs }: ReserveRequest): Reservation {
    const now = this.now();
    let counter = this.#counters.get(key);
    if (counter === undefined || counter.expiresAt <= now) {
      counter = { count: 0, expiresAt: now + ttlMs };
      this.#counters.set(key, counter);
    }
    const left = limit - counter.count;
    if (left < need) return { granted: 0, count: counter.count };
    const granted = Math.max(need, Math.min(want, left));
    counter.count += granted;
    return { granted, count: counter.count };
  }

  release(key: string, units: number): void {
    const counter = this.#counters.get(key);
    if (counter !== undefined) counter.count = Math.max(0, counter.count - units);
  }

  sweep(): void {
    const now = this.now();
    for (const [key, counter] of this.#counters) if (counter.expiresAt <= now) this.#counters.delete(key);
  }

  get size(): number {
    return this.#counters.size;
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    this.#counters.clear();
  }
}
