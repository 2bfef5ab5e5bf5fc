import type { SnapshotUpstream } from '@tollgate/db';
import { pino, type Logger } from 'pino';
import type { Registry } from 'prom-client';
import { Pool } from 'undici';
import { ConnectionAdmission } from './connection-admission';
import { HostResolver, type HostResolverOptions } from './host-resolver';
import { registerUpstreamMetrics } from './upstream-metrics';
import { readUpstreamSettings } from './upstream-settings';
import { UpstreamState } from './upstream-state';
import type { UpstreamTarget } from './upstream-target';

export interface UpstreamPoolOptions {
  /** Most connections to one origin. */
  connections: number;
  /** Connect timeout where an upstream's settings name none. */
  connectTimeoutMs: number;
  /** Targets named by a host name are resolved here and balanced over their addresses; absent: reached by name. */
  dns?: Omit<HostResolverOptions, 'warn'>;
}

const CLOSE_GRACE_MS = 30_000;

/**
 * The upstream side of the gateway process, shared by every snapshot: one undici Pool
 * (keep-alive connections) per upstream origin and connect timeout, so a reload keeps
 * warm connections, and one UpstreamState per upstream (target health, breaker, health
 * checker), so a reload keeps what the gateway learned. After each snapshot swap,
 * `retain` closes the pools and stops the health checkers the new snapshot no longer
 * uses.
 */
export class UpstreamPools {
  readonly #pools = new Map<string, Pool>();
  readonly #upstreams = new Map<string, UpstreamState>();
  /** Pools and upstreams asked for since the last `retain`. */
  readonly #usedPools = new Set<string>();
  readonly #usedUpstreams = new Set<string>();
  #log: Logger = pino({ level: 'silent' });
  #registry: Registry | null = null;
  #closed = false;
  readonly #resolver: HostResolver | null;

  constructor(private readonly options: UpstreamPoolOptions) {
    this.#resolver = options.dns ? new HostResolver({ ...options.dns, warn: (host, error) => this.#log.warn({ host, err: error.message }, 'upstream host lookup failed; keeping its last addresses') }) : null;
  }

  /** Logs and metrics go where the gateway's do (called when a snapshot compiles; idempotent). */
  attach(log: Logger, registry: Registry): void {
    this.#log = log;
    if (this.#registry === registry) return;
    this.#registry = registry;
    registerUpstreamMetrics(registry, () => this.#upstreams.values());
  }

  get(origin: string, connectTimeoutMs = this.options.connectTimeoutMs, servername: string | null = null): Pool {
    const key = servername === null ? `${origin} ${connectTimeoutMs}` : `${origin} ${connectTimeoutMs} ${servername}`;
    this.#usedPools.add(key);
    let pool = this.#pools.get(key);
    if (pool === undefined) {
      pool = new Pool(origin, {
        connections: this.options.connections,
        connectTimeout: connectTimeoutMs,
        keepAliveTimeout: 4_000,
        keepAliveMaxTimeout: 60_000,
        pipelining: 1,
        ...(servername === null ? {} : { connect: { servername } }),
      });
      this.#pools.set(key, pool);
      ConnectionAdmission.attach(pool, this.options.connections);
    }
    return pool;
  }

  /** The state of an upstream as this snapshot describes it, and its targets with weight > 0 in order. */
  upstream(source: SnapshotUpstream, warn: (message: string) => void = () => {}): { state: UpstreamState; targets: UpstreamTarget[] } {
    const settings = readUpstreamSettings(source.settings, this.options.connectTimeoutMs, (message) => warn(`upstream ${source.id}: ${message}`));
    this.#usedUpstreams.add(source.id);
    let state = this.#upstreams.get(source.id);
    if (state === undefined) {
      state = new UpstreamState(source.id, settings, () => this.#log);
      this.#upstreams.set(source.id, state);
    }
    const targets = state.update(settings, this.#closed ? [] : source.targets, (origin, servername) => this.get(origin, settings.timeouts.connectMs, servername), this.#resolver);
    return { state, targets };
  }

  /**
   * Called after a snapshot is swapped in: closes the pools (after their requests finish)
   * and stops the health checks of upstreams that no snapshot compiled since the last
   * call uses, or whose origin is not in `origins`.
   */
  retain(origins: ReadonlySet<string>): void {
    for (const [id, state] of this.#upstreams) {
      if (this.#usedUpstreams.has(id)) continue;
      this.#upstreams.delete(id);
      state.stop();
    }
    // Addresses of host names come and go between snapshots: a pool a target uses now stays.
    const inUse = new Set<Pool>();
    for (const state of this.#upstreams.values()) for (const target of state.members()) inUse.add(target.pool);
    for (const [key, pool] of this.#pools) {
      if (inUse.has(pool) || (this.#usedPools.has(key) && origins.has(key.slice(0, key.indexOf(' '))))) continue;
      this.#pools.delete(key);
      void closeGracefully(pool, CLOSE_GRACE_MS);
    }
    this.#usedPools.clear();
    this.#usedUpstreams.clear();
  }

  async close(graceMs = CLOSE_GRACE_MS): Promise<void> {
    this.#closed = true;
    this.#resolver?.close();
    for (const state of this.#upstreams.values()) state.stop();
    this.#upstreams.clear();
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((pool) => closeGracefully(pool, graceMs)));
  }
}

async function closeGracefully(pool: Pool, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
    timer.unref();
  });
  const result = await Promise.race([pool.close().then(() => 'closed' as const, () => 'closed' as const), deadline]);
  clearTimeout(timer);
  if (result === 'late') await pool.destroy().catch(() => {});
}
