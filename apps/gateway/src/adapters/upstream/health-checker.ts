import type { TUpstreamSettings } from '@tollgate/contracts';
import type { Logger } from 'pino';
import type { UpstreamTarget } from './upstream-target';

type HealthCheckPolicy = NonNullable<TUpstreamSettings['healthCheck']>;

/**
 * Active health checks of one upstream: every `intervalMs`, a GET of `path` (after the
 * target URL's own path) on each target; 2xx and 3xx pass. `healthyThreshold` passes in
 * a row bring a target back, `unhealthyThreshold` failures in a row take it out. Runs
 * in the background on unref'd timers until `stop()`.
 */
export class HealthChecker {
  #timer: NodeJS.Timeout | null = null;
  readonly #stopped = new AbortController();
  readonly #checking = new Set<UpstreamTarget>();

  constructor(
    readonly policy: HealthCheckPolicy,
    private readonly targets: () => Iterable<UpstreamTarget>,
    private readonly log: () => Logger,
    private readonly label: () => string,
  ) {}

  start(): void {
    // Spread the first round so many upstreams loaded at once do not check in step.
    this.#schedule(Math.min(this.policy.intervalMs, 50 + Math.random() * 200));
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#stopped.abort();
  }

  get running(): boolean {
    return !this.#stopped.signal.aborted;
  }

  #schedule(delayMs: number): void {
    if (!this.running) return;
    this.#timer = setTimeout(this.#round, delayMs);
    this.#timer.unref();
  }

  #round = (): void => {
    for (const target of this.targets()) {
      if (!this.#checking.has(target)) void this.#check(target);
    }
    this.#schedule(this.policy.intervalMs);
  };

  async #check(target: UpstreamTarget): Promise<void> {
    this.#checking.add(target);
    let ok = false;
    try {
      const { statusCode, body } = await target.pool.request({
        method: 'GET',
        path: target.prefix + this.policy.path,
        headers: { 'user-agent': 'tollgate-health-check' },
        headersTimeout: this.policy.timeoutMs,
        bodyTimeout: this.policy.timeoutMs,
        signal: AbortSignal.any([this.#stopped.signal, AbortSignal.timeout(this.policy.timeoutMs)]),
      });
      await body.dump();
      ok = statusCode >= 200 && statusCode < 400;
    } catch {
      ok = false;
    } finally {
      this.#checking.delete(target);
    }
    if (!this.running) return;
    if (target.checked(ok, this.policy)) {
      this.log().warn({ upstream: this.label(), target: target.origin }, ok ? 'upstream target is healthy again' : 'upstream target failed its health checks');
    }
  }
}
