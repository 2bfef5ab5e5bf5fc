import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { createDb, describeConnectionError } from '@tollgate/db';
import type { DestinationStream } from 'pino';
import type { Registry } from 'prom-client';
import { createLimiter } from './adapters/rate-limit/create-limiter';
import { UpstreamPools } from './adapters/upstream/upstream-pools';
import { closeGrpcChannels } from './stages/backend/grpc-backend';
import { createUsageSink } from './adapters/usage-sink/create-usage-sink';
import { createDiscovery } from './adapters/discovery/create-discovery';
import { DiscoveryFlusher } from './adapters/discovery/discovery-flusher';
import { createTracer } from './adapters/tracing/create-tracer';
import type { RequestTracer } from './adapters/tracing/request-tracer';
import { createAdminServer } from './admin/admin-server';
import { GatewayMetrics } from './admin/gateway-metrics';
import { ConfigFollower } from './config/config-follower';
import type { ConfigSource } from './config/compiled-snapshot.types';
import { ConfigStore } from './config/config-store';
import { parseGatewayEnv, type GatewayEnv } from './env';
import { listen, localUrl } from './listen';
import { createLogger, standardOutput } from './logger';
import { AccessLog } from './stages/record/access-log';
import type { GatewayServices } from './pipeline/types';
import { createGatewayServer } from './server';
import { StartupError } from './startup-error';

const VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

export interface RunningGateway {
  /** Base URL of the data port. */
  readonly url: string;
  /** Base URL of the admin port (/healthz, /readyz, /metrics). */
  readonly adminUrl: string;
  readonly env: GatewayEnv;
  /** Revision of the snapshot being served. */
  readonly revision: number;
  /** The gateway's Prometheus registry. */
  readonly registry: Registry;
  /** What /readyz reports: the snapshot being served, or null before one is loaded. */
  readonly config: { revision: number; source: ConfigSource; loadedAt: string } | null;
  /** Stops accepting, drains requests in flight (up to GATEWAY_SHUTDOWN_TIMEOUT_MS), closes pools. */
  close(): Promise<void>;
}

export interface StartGatewayOptions {
  /** Where logs go (stdout by default). */
  logDestination?: DestinationStream;
  /** Export Node process metrics (heap, event loop lag, ...); on unless false. */
  processMetrics?: boolean;
  /** Milliseconds since the epoch for limit windows and quota periods (tests move time with it). */
  clock?: () => number;
  /**
   * Run as worker `id` of a cluster (GATEWAY_WORKERS > 1): no admin port (the primary
   * serves it), metrics labelled `worker` and reported to the primary's aggregator.
   */
  worker?: { id: number };
}

/**
 * Starts a gateway: admin port first (so /healthz answers while loading), then the
 * data port, then the config (PostgreSQL, or the disk snapshot when PostgreSQL is
 * unreachable), then it follows config changes.
 */
export async function startGateway(overrides: Partial<GatewayEnv> = {}, options: StartGatewayOptions = {}): Promise<RunningGateway> {
  const env = parseGatewayEnv(overrides);
  const destination = options.logDestination ?? standardOutput();
  const rootLog = createLogger(env, destination);
  const log = options.worker ? rootLog.child({ worker: options.worker.id }) : rootLog;
  const accessLog = env.GATEWAY_ACCESS_LOG && log.isLevelEnabled('info') ? new AccessLog(destination, options.worker ? { worker: options.worker.id } : {}) : null;
  const metrics = new GatewayMetrics({ processMetrics: options.processMetrics ?? true, worker: options.worker?.id });
  const pools = new UpstreamPools({
    connections: env.GATEWAY_UPSTREAM_CONNECTIONS,
    connectTimeoutMs: env.GATEWAY_UPSTREAM_CONNECT_TIMEOUT_MS,
    dns: { servers: env.GATEWAY_DNS_SERVERS, minTtlMs: env.GATEWAY_DNS_MIN_TTL_MS, maxTtlMs: Math.max(env.GATEWAY_DNS_MIN_TTL_MS, env.GATEWAY_DNS_MAX_TTL_MS) },
  });
  const clock = options.clock ?? Date.now;
  const limiter = createLimiter({ env, log, metrics, clock });
  const discovery = env.GATEWAY_DISCOVERY ? createDiscovery(env, metrics.registry) : null;
  const tracer = await createTracer(env, log, VERSION);
  const host = hostname();
  const instanceId = env.GATEWAY_INSTANCE_ID ?? `${host}-${randomBytes(4).toString('hex')}`;
  const usage = createUsageSink({ env, instanceId, log, registry: metrics.registry });
  const services: GatewayServices = { env, log, accessLog, metrics, pools, limiter, clock, discovery: discovery?.aggregator ?? null, tracer, spool: usage };
  const store = new ConfigStore();
  const db = createDb(env.DATABASE_URL, { max: 2 });
  const discoveryFlusher = discovery && new DiscoveryFlusher({ db, aggregator: discovery.aggregator, intervalMs: env.GATEWAY_USAGE_FLUSH_MS, log, metrics: discovery.metrics });
  const follower = new ConfigFollower({
    db,
    databaseUrl: env.DATABASE_URL,
    snapshotPath: env.GATEWAY_SNAPSHOT_PATH,
    store,
    services,
    instance: { id: instanceId, hostname: host, version: VERSION },
    heartbeatMs: env.GATEWAY_HEARTBEAT_MS,
  });
  let closing: Promise<void> | null = null;
  const admin = createAdminServer({ store, metrics, stopping: () => closing !== null });
  const server = createGatewayServer({ store, log, env, usage });
  const close = () =>
    (closing ??= (async () => {
      log.info('gateway stopping: not ready, draining requests in flight');
      // The data port stops accepting in this same turn, as /readyz turns 503: a client that saw either never reaches a closing listener.
      const draining = drain(server, env.GATEWAY_SHUTDOWN_TIMEOUT_MS);
      await follower.close();
      await draining;
      await usage.close();
      await discoveryFlusher?.close();
      if (tracer !== null) await exportLastSpans(tracer, env.GATEWAY_SHUTDOWN_TIMEOUT_MS, log);
      await drain(admin, 1_000);
      await pools.close(env.GATEWAY_SHUTDOWN_TIMEOUT_MS);
      closeGrpcChannels(pools);
      await limiter.close();
      await db.$disconnect().catch(() => {});
      accessLog?.flush();
      log.info('gateway stopped');
      log.flush();
    })());

  try {
    const adminAddress = options.worker ? null : await listen(admin, env.GATEWAY_ADMIN_PORT, env.GATEWAY_ADMIN_HOST, 'GATEWAY_ADMIN_PORT');
    const address = await listen(server, env.GATEWAY_PORT, env.GATEWAY_HOST, 'GATEWAY_PORT');
    await loadInitialConfig(follower, env, log);
    follower.start();
    discoveryFlusher?.start();
    const gateway: RunningGateway = {
      url: localUrl(address),
      adminUrl: adminAddress ? localUrl(adminAddress) : '',
      env,
      get revision() {
        return store.current?.revision ?? -1;
      },
      registry: metrics.registry,
      get config() {
        const current = store.current;
        return current && { revision: current.revision, source: current.source, loadedAt: current.loadedAt };
      },
      close,
    };
    log.info({ url: gateway.url, adminUrl: gateway.adminUrl, version: VERSION }, 'gateway listening');
    return gateway;
  } catch (error) {
    await close();
    throw error;
  }
}

async function loadInitialConfig(follower: ConfigFollower, env: GatewayEnv, log: GatewayServices['log']): Promise<void> {
  try {
    await withTimeout(follower.loadFromDatabase(), env.GATEWAY_DATABASE_START_TIMEOUT_MS);
  } catch (error) {
    const reason = describeConnectionError(error, env.DATABASE_URL);
    const disk = await follower.loadFromDisk();
    if (!disk.ok) throw new StartupError(`${reason} (and no usable config snapshot on disk: ${disk.reason})`);
    log.error(
      { revision: disk.snapshot.revision, writtenAt: disk.snapshot.loadedAt, path: env.GATEWAY_SNAPSHOT_PATH },
      `PostgreSQL is unreachable: SERVING THE LAST CONFIG SNAPSHOT FROM DISK (revision ${disk.snapshot.revision}); changes made since will not apply until PostgreSQL is back. ${reason}`,
    );
  }
}

/** Hands the spans still batched to the collector; an unreachable collector delays shutdown by the timeout at most. */
async function exportLastSpans(tracer: RequestTracer, timeoutMs: number, log: GatewayServices['log']): Promise<void> {
  await withTimeout(tracer.shutdown(), timeoutMs).catch((error: unknown) => log.warn({ err: error }, 'the last spans could not be exported'));
}

/** Rejects with an ETIMEDOUT error when `promise` takes longer than `ms` (it keeps running). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Stops accepting, lets requests in flight finish, then cuts what is left. */
async function drain(server: Server, timeoutMs: number): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, timeoutMs);
  });
  await Promise.race([closed, late]);
  clearInterval(idle);
  clearTimeout(timer);
}
