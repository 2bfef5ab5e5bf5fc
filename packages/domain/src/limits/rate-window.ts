export type RatePeriod = 'second' | 'minute' | 'hour';

export const RATE_WINDOW_MS: Readonly<Record<RatePeriod, number>> = Object.freeze({ second: 1_000, minute: 60_000, hour: 3_600_000 });

/** Start of the fixed window of `windowMs` that holds `nowMs` (windows are aligned to the epoch). */
export function windowStart(nowMs: number, windowMs: number): number {
  return nowMs - (((nowMs % windowMs) + windowMs) % windowMs);
}
