import { lockoutMs, type ThrottlePolicy, type ThrottleStore } from './throttle-store';

interface Entry {
  failures: number;
  lockedUntil: number;
  expiresAt: number;
}

/**
 * Failure counts in this process's memory, for a portal without Redis. Bounded: past
 * `maxKeys` the least recently failed key is forgotten, so a flood of made-up emails costs
 * memory only up to that bound (the per-address lock still holds for the flooding client).
 */
export class MemoryThrottleStore implements ThrottleStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxKeys = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async lockedUntil(key: string): Promise<number> {
    return this.live(key)?.lockedUntil ?? 0;
  }

  async recordFailure(key: string, policy: ThrottlePolicy, now: number): Promise<number> {
    const failures = (this.live(key)?.failures ?? 0) + 1;
    const lock = lockoutMs(failures, policy);
    const lockedUntil = lock > 0 ? now + lock : 0;
    // Re-inserting moves the key to the end: the map's first key is the least recently failed.
    this.entries.delete(key);
    this.entries.set(key, { failures, lockedUntil, expiresAt: now + Math.max(policy.windowMs, lock) });
    while (this.entries.size > this.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return lockedUntil;
  }

  async reset(key: string): Promise<void> {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
