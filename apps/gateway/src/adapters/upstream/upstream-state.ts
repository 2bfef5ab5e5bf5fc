import type { TUpstreamSettings } from '@tollgate/contracts';
import type { SnapshotTarget } from '@tollgate/db';
import type { Logger } from 'pino';
import type { Pool } from 'undici';
import { CircuitBreaker } from './circuit-breaker';
import { HealthChecker } from './health-checker';
import type { HostResolver } from './host-resolver';
import { targetHostName } from '@tollgate/operations';
import { UpstreamTarget } from './upstream-target';

/** The pool for an origin (TLS to an address checks the certificate against `servername`). */
export type PoolFor = (origin: string, servername: string | null) => Pool;

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
  #members: UpstreamTarget[] = [];
  readonly #byVersion = new Map<string, UpstreamTarget[]>();
  #generation = 0;
  #sources: readonly SnapshotTarget[] = [];
  #pool: PoolFor | null = null;
  #resolver: HostResolver | null = null;
  #hosts = new Set<string>();
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

  /**
   * Applies a snapshot's view of the upstream; targets keep their state when their URL
   * stays. A target named by a host name (see targetHostName) stands for each of its
   * resolved addresses, followed as `resolver` re-resolves it; before the first answer it
   * is reached by name.
   */
  update(settings: TUpstreamSettings, targets: readonly SnapshotTarget[], pool: PoolFor, resolver: HostResolver | null = null): UpstreamTarget[] {
    this.settings = settings;
    this.breaker.policy = settings.breaker;
    this.#sources = targets.filter((source) => source.weight > 0);
    this.#pool = pool;
    const hosts = new Set(resolver === null ? [] : this.#sources.flatMap((source) => targetHostName(source.url) ?? []));
    for (const host of this.#hosts) if (!hosts.has(host) || resolver !== this.#resolver) this.#resolver?.unwatch(host, this.#refresh);
    for (const host of hosts) resolver!.watch(host, this.#refresh);
    this.#hosts = hosts;
    this.#resolver = resolver;
    this.#rebuild();
    return this.#members;
  }

  /** The targets taking part now (weight > 0, resolved addresses expanded), of one version or of all (null). */
  members(version: string | null = null): readonly UpstreamTarget[] {
    if (version === null) return this.#members;
    let list = this.#byVersion.get(version);
    if (list === undefined) this.#byVersion.set(version, (list = this.#members.filter((target) => target.version === version)));
    return list;
  }

  /** Bumped whenever the members change (a reload, a DNS answer). */
  get generation(): number {
    return this.#generation;
  }

  readonly #refresh = (): void => {
    if (this.#pool !== null) this.#rebuild();
  };

  #rebuild(): void {
    const next = new Map<string, UpstreamTarget>();
    const members: UpstreamTarget[] = [];
    const add = (id: string, url: string, weight: number, version: string | null, hostHeader: string | null, servername: string | null) => {
      const origin = new URL(url).origin;
      const pool = this.#pool!(origin, servername);
      let target = this.#targets.get(url);
      if (target === undefined || target.pool !== pool || target.weight !== weight || target.version !== version) target = new UpstreamTarget(id, url, pool, weight, version, hostHeader);
      next.set(url, target);
      members.push(target);
    };
    for (const source of this.#sources) {
      const host = targetHostName(source.url);
      const addresses = host === null || this.#resolver === null ? [] : this.#resolver.addresses(host);
      if (addresses.length === 0) {
        add(source.id, source.url, source.weight, source.version ?? null, null, null);
        continue;
      }
      const parsed = new URL(source.url);
      for (const address of addresses) {
        const at = new URL(source.url);
        at.hostname = address.includes(':') ? `[${address}]` : address;
        add(source.id, at.href, source.weight, source.version ?? null, parsed.host, parsed.protocol === 'https:' ? parsed.hostname : null);
      }
    }
    this.#targets = next;
    this.#members = members;
    this.#byVersion.clear();
    this.#generation++;
    this.#updateChecker(this.settings.healthCheck);
  }

  stop(): void {
    for (const host of this.#hosts) this.#resolver?.unwatch(host, this.#refresh);
    this.#hosts = new Set();
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
