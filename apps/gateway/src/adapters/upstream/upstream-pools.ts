import { Pool } from 'undici';

export interface UpstreamPoolOptions {
  /** Most connections to one origin. */
  connections: number;
  connectTimeoutMs: number;
}

const CLOSE_GRACE_MS = 30_000;

/**
 * One undici Pool (keep-alive connections) per upstream origin, shared by every snapshot
 * that names the origin, so a config reload keeps warm connections.
 */
export class UpstreamPools {
  readonly #pools = new Map<string, Pool>();

  constructor(private readonly options: UpstreamPoolOptions) {}

  get(origin: string): Pool {
    let pool = this.#pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, {
        connections: this.options.connections,
        connectTimeout: this.options.connectTimeoutMs,
        keepAliveTimeout: 4_000,
        keepAliveMaxTimeout: 60_000,
        pipelining: 1,
      });
      this.#pools.set(origin, pool);
    }
    return pool;
  }

  /** Closes the pools of origins no longer in use, after their requests finish. */
  retain(origins: ReadonlySet<string>): void {
    for (const [origin, pool] of this.#pools) {
      if (origins.has(origin)) continue;
      this.#pools.delete(origin);
      void closeGracefully(pool, CLOSE_GRACE_MS);
    }
  }

  async close(graceMs = CLOSE_GRACE_MS): Promise<void> {
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
