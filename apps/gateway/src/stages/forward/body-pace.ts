import type { TollgateError } from '@tollgate/errors';
import { bodyTooSlow } from './body-errors';

export interface BodyPacePolicy {
  /** Longest pause between two chunks (0: no limit). */
  readonly idleMs: number;
  /** Slowest average rate once `graceMs` of reading has passed (0: no limit). */
  readonly minBytesPerSecond: number;
  readonly graceMs: number;
}

/**
 * Watches a request body arrive and calls `onSlow` once when the client pauses longer
 * than `idleMs` between chunks, or when, after `graceMs`, its average rate is below
 * `minBytesPerSecond` (Kestrel's MinRequestBodyDataRate). Time spent paused by the
 * gateway (backpressure from the upstream) does not count. Chunks only bump counters;
 * one timer per body fires at the earliest deadline and re-arms itself, so a fast body
 * costs no timer work per chunk.
 */
export class BodyPace {
  #bytes = 0;
  /** Reading time before the current run (ms). */
  #activeMs = 0;
  #runStart: number;
  #lastChunk: number;
  #paused = false;
  #stopped = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly policy: BodyPacePolicy,
    private readonly onSlow: (error: TollgateError) => void,
  ) {
    this.#runStart = this.#lastChunk = performance.now();
    this.#arm(this.#runStart);
  }

  chunk(bytes: number): void {
    this.#bytes += bytes;
    this.#lastChunk = performance.now();
  }

  /** The gateway stopped reading (backpressure): the clocks stand still until `resume`. */
  pause(): void {
    if (this.#paused || this.#stopped) return;
    this.#paused = true;
    this.#activeMs += performance.now() - this.#runStart;
    this.#clear();
  }

  resume(): void {
    if (!this.#paused || this.#stopped) return;
    this.#paused = false;
    this.#runStart = this.#lastChunk = performance.now();
    this.#arm(this.#runStart);
  }

  /** The body ended (or was abandoned): no more checks. */
  stop(): void {
    this.#stopped = true;
    this.#clear();
  }

  #clear(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #arm(now: number): void {
    const deadline = this.#deadline(now);
    if (deadline === Infinity) return;
    this.#timer = setTimeout(this.#check, Math.max(1, Math.ceil(deadline - now)));
    this.#timer.unref();
  }

  /** When the next check is due (performance.now() time), Infinity when never. */
  #deadline(now: number): number {
    const { idleMs, minBytesPerSecond, graceMs } = this.policy;
    let deadline = idleMs > 0 ? this.#lastChunk + idleMs : Infinity;
    if (minBytesPerSecond > 0) {
      // The reading time at which the bytes so far fall below the minimum average rate.
      const due = Math.max(graceMs, (this.#bytes * 1_000) / minBytesPerSecond);
      deadline = Math.min(deadline, now + due - (this.#activeMs + now - this.#runStart));
    }
    return deadline;
  }

  #check = (): void => {
    this.#timer = null;
    if (this.#stopped || this.#paused) return;
    const now = performance.now();
    const { idleMs, minBytesPerSecond, graceMs } = this.policy;
    const active = this.#activeMs + now - this.#runStart;
    if (idleMs > 0 && now - this.#lastChunk >= idleMs) return this.#fail(`no data for ${idleMs} ms`);
    if (minBytesPerSecond > 0 && active >= graceMs && (this.#bytes * 1_000) / active < minBytesPerSecond) {
      return this.#fail(`below ${minBytesPerSecond} bytes per second`);
    }
    this.#arm(now);
  };

  #fail(reason: string): void {
    this.stop();
    this.onSlow(bodyTooSlow(reason));
  }
}
