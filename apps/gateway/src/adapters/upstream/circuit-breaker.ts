export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerPolicy {
  readonly consecutiveFailures: number;
  readonly openMs: number;
}

/**
 * Circuit breaker of one upstream. Closed: requests pass and consecutive failures are
 * counted. Open (after `consecutiveFailures` in a row): requests are refused for
 * `openMs`. Half-open: one request goes through as a probe; its success closes the
 * breaker, its failure opens it again.
 */
export class CircuitBreaker {
  #state: BreakerState = 'closed';
  #failures = 0;
  #openUntil = 0;
  #probing = false;

  constructor(public policy: BreakerPolicy) {}

  get state(): BreakerState {
    if (this.#state === 'open' && Date.now() >= this.#openUntil) return 'half_open';
    return this.#state;
  }

  /**
   * Whether a request may go now. Returns 'probe' for the one half-open request, whose
   * outcome must be reported with `probe: true`.
   */
  admit(now: number): 'pass' | 'probe' | 'refuse' {
    if (this.#state === 'closed') return 'pass';
    if (this.#state === 'open') {
      if (now < this.#openUntil) return 'refuse';
      this.#state = 'half_open';
    }
    if (this.#probing) return 'refuse';
    this.#probing = true;
    return 'probe';
  }

  /** Only the probe closes an open breaker; late outcomes of requests admitted before it opened do not. */
  success(probe: boolean): void {
    if (probe) {
      this.#probing = false;
      this.#state = 'closed';
    }
    if (this.#state === 'closed') this.#failures = 0;
  }

  failure(probe: boolean, now: number): void {
    if (probe) this.#probing = false;
    if (this.#state === 'half_open') {
      if (probe) this.#open(now);
      return;
    }
    if (this.#state === 'open') return;
    if (++this.#failures >= this.policy.consecutiveFailures) this.#open(now);
  }

  /** The probe ended without telling anything (the client left): let another request probe. */
  release(probe: boolean): void {
    if (probe) this.#probing = false;
  }

  #open(now: number): void {
    this.#state = 'open';
    this.#openUntil = now + this.policy.openMs;
    this.#failures = 0;
  }
}
