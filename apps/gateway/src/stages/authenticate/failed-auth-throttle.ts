export interface FailedAuthThrottleOptions {
  /** Failures an address may have in one window; 0 turns the throttle off. */
  readonly limit: number;
  readonly windowMs: number;
  /** Most addresses tracked at once; past it the oldest entry is dropped. */
  readonly maxAddresses: number;
  readonly clock: () => number;
}

interface Entry {
  /** When the address's first failure of this window happened. */
  windowStart: number;
  failures: number;
}

/**
 * Failed authentications per client address in fixed windows that start at an
 * address's first failure: once an address has had `limit` of them, it is refused
 * (before any key or JWT lookup) until its window ends. An address never seen failing
 * costs one Map lookup and allocates nothing. Memory is bounded: at most `maxAddresses`
 * entries (insertion order; an expired oldest entry is dropped on every insert, and at
 * the cap the oldest one goes whatever its state), so an attacker rotating addresses
 * only pushes out older entries. Per process: each gateway (and each worker) counts
 * its own.
 */
export class FailedAuthThrottle {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly options: FailedAuthThrottleOptions) {}

  get size(): number {
    return this.#entries.size;
  }

  /** Seconds until `address` may try again; 0 when it may try now. */
  retryAfterSeconds(address: string): number {
    const entry = this.#entries.get(address);
    if (entry === undefined || entry.failures < this.options.limit) return 0;
    const left = entry.windowStart + this.options.windowMs - this.options.clock();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Counts one failed authentication from `address`. */
  fail(address: string): void {
    const now = this.options.clock();
    const entry = this.#entries.get(address);
    if (entry !== undefined && now - entry.windowStart < this.options.windowMs) {
      entry.failures++;
      return;
    }
    // A new window: the entry moves to the end, so insertion order stays oldest first.
    if (entry !== undefined) this.#entries.delete(address);
    this.#dropOldest(now);
    this.#entries.set(address, { windowStart: now, failures: 1 });
  }

  #dropOldest(now: number): void {
    const oldest = this.#entries.entries().next();
    if (oldest.done === true) return;
    const [address, entry] = oldest.value;
    if (this.#entries.size >= this.options.maxAddresses || now - entry.windowStart >= this.options.windowMs) this.#entries.delete(address);
  }
}
