/** How many failures a key may have before it is locked, and for how long. */
export interface ThrottlePolicy {
  /** Failures before the first lockout. */
  readonly limit: number;
  /** Failures are forgotten once this long passes without one. */
  readonly windowMs: number;
  /** The first lockout; each failure after it doubles the lockout, up to maxLockMs. */
  readonly baseLockMs: number;
  readonly maxLockMs: number;
}

/** Failure counts by key (an account or a client address); Redis or this process's memory. */
export interface ThrottleStore {
  /** Until when (epoch ms) the key is locked; 0 or a past time when it is not. */
  lockedUntil(key: string): Promise<number>;
  /** Counts a failure; returns until when the key is now locked (0 when it is not). */
  recordFailure(key: string, policy: ThrottlePolicy, now: number): Promise<number>;
  reset(key: string): Promise<void>;
}

/** The lockout after `failures` failures: none below the limit, then doubling from baseLockMs. */
export function lockoutMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.limit) return 0;
  return Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** Math.min(failures - policy.limit, 30));
}
