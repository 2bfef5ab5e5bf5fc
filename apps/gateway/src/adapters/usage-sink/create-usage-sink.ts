import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { GatewayEnv } from '../../env';
import { isStartupError } from '../../startup-error';
import { SpoolUsageSink } from './usage-sink';

/**
 * The spool for this gateway: GATEWAY_SPOOL_DIR, else `.data/spool/<GATEWAY_INSTANCE_ID
 * or host name>` (stable across restarts, so a restarted gateway drains what its
 * predecessor left). When neither is set and another live gateway on this host holds the
 * default directory, this one takes a directory of its own and says so.
 */
export function createUsageSink({ env, instanceId, log, registry }: { env: GatewayEnv; instanceId: string; log: Logger; registry: Registry }): SpoolUsageSink {
  const options = {
    gatewayId: instanceId,
    databaseUrl: env.DATABASE_URL,
    maxBytes: env.GATEWAY_SPOOL_MAX_BYTES,
    fsyncMs: env.GATEWAY_SPOOL_FSYNC_MS,
    flushMs: env.GATEWAY_USAGE_FLUSH_MS,
    batchEvents: env.GATEWAY_USAGE_BATCH_EVENTS,
    retentionDays: env.REQUEST_LOG_RETENTION_DAYS,
    shutdownTimeoutMs: env.GATEWAY_SHUTDOWN_TIMEOUT_MS,
    log,
    registry,
  };
  const explicit = env.GATEWAY_SPOOL_DIR ?? (env.GATEWAY_INSTANCE_ID !== undefined ? join('.data', 'spool', safeName(env.GATEWAY_INSTANCE_ID)) : undefined);
  if (explicit !== undefined) return new SpoolUsageSink({ ...options, dir: explicit });
  const dir = join('.data', 'spool', safeName(hostname()));
  try {
    return new SpoolUsageSink({ ...options, dir });
  } catch (error) {
    if (!isStartupError(error)) throw error;
    const own = `${dir}-${process.pid}`;
    log.warn({ dir, own }, 'another gateway on this host uses the default usage spool; set GATEWAY_SPOOL_DIR or GATEWAY_INSTANCE_ID per instance');
    return new SpoolUsageSink({ ...options, dir: own });
  }
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_') || 'gateway';
}
