/**
 * What one instance holds for one counter scope in the current window: units already
 * counted in the shared store but not yet spent here.
 */
export class Lease {
  windowStart = -1;
  windowEnd = 0;
  /** Units counted in the store and still free to spend locally. */
  leased = 0;
  /** The store's count after this instance's last reservation. */
  count = 0;
  /** Set when the store had less than `exhaustedNeed` left under `exhaustedLimit`. */
  exhaustedLimit = -1;
  exhaustedNeed = 0;
  /** Next lease size; doubles while demand lasts, so busy scopes call the store rarely. */
  nextSize = 1;
  pending: Promise<void> | null = null;
  /** Requests waiting for this lease to be refilled. */
  waiting = 0;
  lastUsed = 0;

  /** Moves to the window starting at `start`; unspent units of the old window lapse. */
  roll(start: number, end: number): void {
    this.windowStart = start;
    this.windowEnd = end;
    this.leased = 0;
    this.count = 0;
    this.exhaustedLimit = -1;
    this.pending = null;
    this.nextSize = Math.max(1, this.nextSize >> 1);
  }

  isExhausted(limit: number, cost: number): boolean {
    return this.exhaustedLimit === limit && cost >= this.exhaustedNeed;
  }

  /** Units this instance can still be sure of: its own lease plus what the store had left. */
  remaining(limit: number): number {
    return Math.max(0, limit - this.count) + this.leased;
  }
}
