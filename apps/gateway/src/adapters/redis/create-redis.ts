import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { HEARTBEAT_SCRIPT } from './heartbeat-script';
import { RELEASE_SCRIPT } from './release-script';
import { RESERVE_SCRIPT } from './reserve-script';

export interface CreateRedisOptions {
  url: string;
  /** A command without an answer after this long fails (and the limiter falls back). */
  commandTimeoutMs: number;
  log: Logger;
}

/**
 * The gateway's Redis client. Commands never wait for a connection: with the offline
 * queue off they fail at once while Redis is away, and the caller decides what that
 * means. The client keeps reconnecting in the background, so shared state resumes by
 * itself when Redis is back. Commands issued in the same tick go out as one pipeline.
 */
export function createRedis({ url, commandTimeoutMs, log }: CreateRedisOptions): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    enableAutoPipelining: true,
    commandTimeout: commandTimeoutMs,
    maxRetriesPerRequest: 0,
    connectTimeout: Math.max(1_000, commandTimeoutMs * 4),
    retryStrategy: (attempt) => Math.min(50 * attempt, 1_000),
    lazyConnect: false,
  });
  redis.defineCommand('tollgateReserve', { numberOfKeys: 1, lua: RESERVE_SCRIPT });
  redis.defineCommand('tollgateHeartbeat', { numberOfKeys: 1, lua: HEARTBEAT_SCRIPT });
  redis.defineCommand('tollgateRelease', { numberOfKeys: 1, lua: RELEASE_SCRIPT });
  let reported = false;
  redis.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    log.warn({ err: { message: error.message } }, 'redis connection error');
  });
  redis.on('ready', () => {
    reported = false;
  });
  return redis;
}
