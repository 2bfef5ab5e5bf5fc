export interface BackoffOptions {
  /** Delay after the first failure. */
  baseMs?: number;
  /** Longest delay. */
  maxMs?: number;
  /** 0..1; injectable for tests. */
  random?: () => number;
}

export const DEFAULT_WEBHOOK_MAX_ATTEMPTS = 12;

/**
 * Delay before the next attempt after `attempts` failed ones: exponential
 * (base * 2^(attempts-1), capped) with "equal jitter" (between half and all of it), so
 * receivers coming back up are not hit by every sender at once.
 * Defaults: 10 s, 20 s, 40 s, ... capped at 1 h; 12 attempts span about 5 hours.
 */
export function webhookBackoffMs(attempts: number, options: BackoffOptions = {}): number {
  const { baseMs = 10_000, maxMs = 3_600_000, random = Math.random } = options;
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
