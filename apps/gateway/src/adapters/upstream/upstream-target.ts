import type { TUpstreamSettings } from '@tollgate/contracts';
import type { Pool } from 'undici';
import { ConnectionAdmission } from './connection-admission';

type HealthCheckPolicy = NonNullable<TUpstreamSettings['healthCheck']>;
type PassivePolicy = TUpstreamSettings['passive'];

/**
 * One target of one upstream, shared by every snapshot that names it so that health,
 * ejection and connection counts survive config reloads.
 */
export class UpstreamTarget {
  readonly origin: string;
  /** The target URL's path without a trailing slash ('' for none); upstream paths start with it. */
  readonly prefix: string;
  /** Connection slots of the target's pool, shared with every target on the same origin. */
  readonly admission: ConnectionAdmission;
  /** Requests in flight through this target (least-connections reads it). */
  inFlight = 0;
  /** Verdict of the active health check (true until a check says otherwise). */
  healthy = true;
  /** Passive ejection: no traffic before this time (ms since the epoch). */
  ejectedUntil = 0;
  #failures = 0;
  #checkPasses = 0;
  #checkFailures = 0;

  constructor(
    readonly id: string,
    readonly url: string,
    readonly pool: Pool,
    /** How it shares traffic with the others under weighted balancing. */
    readonly weight = 1,
    /** The upstream version it serves in a traffic split, or null. */
    readonly version: string | null = null,
    /** The Host header to send: the target's host name when `url` names one of its resolved addresses; else null. */
    readonly hostHeader: string | null = null,
  ) {
    const parsed = new URL(url);
    this.origin = parsed.origin;
    this.prefix = parsed.pathname.replace(/\/+$/, '');
    this.admission = ConnectionAdmission.of(pool);
  }

  available(now: number): boolean {
    return this.healthy && now >= this.ejectedUntil;
  }

  /** A request through this target succeeded. */
  passed(): void {
    this.#failures = 0;
  }

  /**
   * A request failed (connect error, reset, timeout, 502-504); enough in a row eject the
   * target, unless `mayEject` says no other target would be left. Returns true when it ejected.
   */
  failed(policy: PassivePolicy, now: number, mayEject: () => boolean): boolean {
    if (++this.#failures < policy.consecutiveFailures || !mayEject()) return false;
    this.#failures = 0;
    this.ejectedUntil = now + policy.ejectMs;
    return true;
  }

  /** Result of one active health check. Returns true when the verdict changed. */
  checked(ok: boolean, policy: HealthCheckPolicy): boolean {
    if (ok) {
      this.#checkFailures = 0;
      if (this.healthy || ++this.#checkPasses < policy.healthyThreshold) return false;
      this.#checkPasses = 0;
      this.healthy = true;
      this.#failures = 0;
      this.ejectedUntil = 0;
      return true;
    }
    this.#checkPasses = 0;
    if (!this.healthy || ++this.#checkFailures < policy.unhealthyThreshold) return false;
    this.#checkFailures = 0;
    this.healthy = false;
    return true;
  }
}
