import type { TUpstreamSettings } from '@tollgate/contracts';
import type { SnapshotTarget } from '@tollgate/db';
import type { Logger } from 'pino';
import type { Pool } from 'undici';
import { CircuitBreaker } from './circuit-breaker';
import { HealthChecker } from './health-checker';
import { UpstreamTarget } from './upstream-target';

/**
 * What the gateway knows about one upstream across config reloads: its settings, its
 * targets (health, ejection, connections in flight), its circuit breaker and its active
 * health checker.
 */
export class UpstreamState {
  /** Shown in metrics and logs: the API slug once a route names it, else the upstream id. */
  label: string;
  settings: TUpstreamSettings;
  readonly breaker: CircuitBreaker;
  #targets = new Map<string, UpstreamTarget>();
  #checker: HealthChecker | null = null;
  #checkerKey = '';

  constructor(
    readonly id: string,
    settings: TUpstreamSettings,
    private readonly log: () => Logger,
  ) {
    this.label = id;
    this.settings = settings;
    this.breaker = new CircuitBreaker(settings.breaker);
  }

  /** An active health checker is running. */
  get checking(): boolean {
    return this.#checker?.running ?? false;
  }

  get targets(): Iterable<UpstreamTarget> {
    return this.#targets.values();
  }

  /**
   * Records a failed request on a target (passive health). A target is not ejected when
   * no other target would take traffic: a wholly failing upstream is the breaker's job.
   * Returns true when the target was ejected.
   */
  failed(target: UpstreamTarget, now: number): boolean {
    const ejected = target.failed(this.settings.passive, now, () => this.#othersAvailable(target, now));
    return ejected;
  }

  #othersAvailable(target: UpstreamTarget, now: number): boolean {
    for (const other of this.#targets.values()) if (other !== target && other.available(now)) return true;
    return false;
  }

  /** Applies a snapshot's view of the upstream; targets keep their state when their URL stays. */
  update(settings: TUpstreamSettings, targets: readonly SnapshotTarget[], pool: (origin: string) => Pool): UpstreamTarget[] {
    this.settings = settings;
    this.breaker.policy = settings.breaker;
    const next = new Map<string, UpstreamTarget>();
    const ordered: UpstreamTarget[] = [];
    for (const source of targets) {
      if (source.weight <= 0) continue;
      const origin = new URL(source.url).origin;
      let target = this.#targets.get(source.url);
      if (target === undefined || target.pool !== pool(origin)) target = new UpstreamTarget(source.id, source.url, pool(origin));
      next.set(source.url, target);
      ordered.push(target);
    }
    this.#targets = next;
    this.#updateChecker(settings.healthCheck);
    return ordered;
  }

  stop(): void {
    this.#checker?.stop();
    this.#checker = null;
    this.#checkerKey = '';
  }

  #updateChecker(policy: TUpstreamSettings['healthCheck']): void {
    const key = policy === undefined || this.#targets.size === 0 ? '' : JSON.stringify(policy);
    if (key === this.#checkerKey) return;
    this.stop();
    if (policy === undefined || key === '') {
      for (const target of this.#targets.values()) target.healthy = true;
      return;
    }
    this.#checkerKey = key;
    this.#checker = new HealthChecker(policy, () => this.#targets.values(), this.log, () => this.label);
    this.#checker.start();
  }
}
