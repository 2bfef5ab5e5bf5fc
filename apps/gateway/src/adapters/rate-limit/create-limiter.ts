import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { GatewayMetrics } from '../../admin/gateway-metrics';
import type { GatewayEnv } from '../../env';
import { createRedis } from '../redis/create-redis';
import { LeaseLimiter } from './lease-limiter';
import { LimiterMetrics } from './limiter-metrics';
import { MemoryCounterStore } from './memory-counter-store';
import { RedisCounterStore } from './redis-counter-store';

export interface CreateLimiterOptions {
  env: GatewayEnv;
  log: Logger;
  metrics: GatewayMetrics | null;
  /**
   * The gateway's clock. `Date.now` itself is moved onto Redis's clock for shared windows,
   * so gateways whose clocks disagree count in the same windows; a clock a test injects to
   * move time is taken as it is.
   */
  clock: () => number;
}

/** The gateway's limiter: shared through Redis when REDIS_URL is set, else in this process (and it says so). */
export function createLimiter({ env, log, metrics, clock }: CreateLimiterOptions): LeaseLimiter {
  let store: MemoryCounterStore | RedisCounterStore;
  if (!env.REDIS_URL) {
    log.warn('REDIS_URL is not set: rate limits and quotas are kept in memory and apply to this gateway instance only');
    store = new MemoryCounterStore(clock);
  } else {
    const redis = createRedis({ url: env.REDIS_URL, commandTimeoutMs: env.GATEWAY_REDIS_TIMEOUT_MS, log });
    const instanceId = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    log.info({ redis: redactUrl(env.REDIS_URL) }, 'rate limits and quotas shared through Redis');
    store = new RedisCounterStore(redis, instanceId, env.GATEWAY_REDIS_PREFIX, clock);
  }
  const limiterMetrics = metrics === null ? null : new LimiterMetrics(metrics.registry, store);
  return new LeaseLimiter({ clock, alignToStore: clock === Date.now, prefix: env.GATEWAY_REDIS_PREFIX, maxLease: env.GATEWAY_RATE_LIMIT_MAX_LEASE, log, metrics: limiterMetrics, store });
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis';
  }
}
