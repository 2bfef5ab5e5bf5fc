// The gateway's whole configuration, read from the environment once at start and frozen.
// Nothing else in the gateway reads process.env.
//
// The data port listens on every interface (GATEWAY_HOST=0.0.0.0): partners call it.
// The admin port (/healthz, /readyz, /metrics) stays on loopback unless
// GATEWAY_ADMIN_HOST says otherwise, so metrics are not public by accident; containers
// set GATEWAY_ADMIN_HOST=0.0.0.0 for their health checks.
import { ZIpRange } from '@tollgate/contracts';
import { resolveDatabaseUrl } from '@tollgate/db';
import { z } from 'zod';
import { StartupError } from './startup-error';

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const splitList = (value: unknown) =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter((item) => item !== '') : value;
const port = (fallback: number) => z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).max(65_535).default(fallback));
const positive = (fallback: number) => z.preprocess(unsetWhenEmpty, z.coerce.number().int().positive().default(fallback));

export const ZGatewayEnv = z.object({
  DATABASE_URL: z.string().min(1),
  REDIS_URL: z.preprocess(unsetWhenEmpty, z.string().optional()),
  GATEWAY_PORT: port(8080),
  GATEWAY_ADMIN_PORT: port(9090),
  GATEWAY_HOST: z.preprocess(unsetWhenEmpty, z.string().default('0.0.0.0')),
  GATEWAY_ADMIN_HOST: z.preprocess(unsetWhenEmpty, z.string().default('127.0.0.1')),
  GATEWAY_SNAPSHOT_PATH: z.preprocess(unsetWhenEmpty, z.string().default('.data/gateway-snapshot.bin')),
  /** Identity in gateway_instances; generated from the host name when unset. */
  GATEWAY_INSTANCE_ID: z.preprocess(unsetWhenEmpty, z.string().max(200).optional()),
  /** Default time to wait for an upstream's response headers (and between body chunks). */
  GATEWAY_UPSTREAM_TIMEOUT_MS: positive(30_000),
  GATEWAY_UPSTREAM_CONNECT_TIMEOUT_MS: positive(5_000),
  /** Most connections kept to one upstream target. */
  GATEWAY_UPSTREAM_CONNECTIONS: positive(256),
  /** Longest wait for a free connection to an upstream origin whose connections are all busy; then 503 upstream_busy. */
  GATEWAY_UPSTREAM_QUEUE_TIMEOUT_MS: positive(2_000),
  /** Share of an origin's connections one consumer (app) or one client address may hold or wait for; past it 429. 1 turns the caps off. */
  GATEWAY_UPSTREAM_CLIENT_SHARE: z.preprocess(unsetWhenEmpty, z.coerce.number().gt(0).max(1).default(0.5)),
  /** Request bodies up to this size are read whole before an upstream connection is taken; 0 streams every body. */
  GATEWAY_BODY_BUFFER_BYTES: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).default(64 * 1024)),
  /** Longest pause between two chunks of a request body; then 408 and the connection closes. 0 turns it off. */
  GATEWAY_BODY_IDLE_TIMEOUT_MS: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).default(10_000)),
  /** Slowest average rate a request body may arrive at once its grace period is over; then 408. 0 turns it off. */
  GATEWAY_BODY_MIN_BYTES_PER_SECOND: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).default(240)),
  GATEWAY_BODY_MIN_RATE_GRACE_MS: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).default(5_000)),
  GATEWAY_HEARTBEAT_MS: positive(5_000),
  /** How long start-up waits for the config from PostgreSQL (the first query included) before serving the disk snapshot, or exiting without one. */
  GATEWAY_DATABASE_START_TIMEOUT_MS: positive(10_000),
  /** How long SIGTERM waits for requests in flight before closing their connections. */
  GATEWAY_SHUTDOWN_TIMEOUT_MS: positive(10_000),
  /** Worker processes sharing the data port (node:cluster); the primary serves the admin port. */
  GATEWAY_WORKERS: positive(1),
  /** One info line per request (method, path, route, status, duration, request id); never keys or Authorization. */
  GATEWAY_ACCESS_LOG: z.preprocess(unsetWhenEmpty, z.enum(['0', '1', 'true', 'false']).default('1').transform((value) => value === '1' || value === 'true')),
  /** Set by the primary in each worker it forks (1..GATEWAY_WORKERS); not for operators. */
  GATEWAY_WORKER_ID: z.preprocess(unsetWhenEmpty, z.coerce.number().int().positive().optional()),
  /** Directory of this instance's usage spool; default .data/spool/<GATEWAY_INSTANCE_ID or host name>. */
  GATEWAY_SPOOL_DIR: z.preprocess(unsetWhenEmpty, z.string().optional()),
  /** Most bytes the spool may hold while PostgreSQL is away; past it new events are dropped (and counted). */
  GATEWAY_SPOOL_MAX_BYTES: positive(1024 ** 3),
  /** fsync the spool this often (group commit, against machine crashes); 0 leaves it to the OS page cache, which survives a killed process. */
  GATEWAY_SPOOL_FSYNC_MS: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).default(0)),
  /** Shadow-API discovery: requests no route or OpenAPI document describes are templated and counted (flushed with the usage batches' period). */
  GATEWAY_DISCOVERY: z.preprocess(unsetWhenEmpty, z.enum(['0', '1', 'true', 'false']).default('1').transform((value) => value === '1' || value === 'true')),
  /** Most (host, method, template) entries held between two discovery flushes; requests past it are counted as overflow only. */
  GATEWAY_DISCOVERY_MAX_TEMPLATES: positive(5_000),
  /** How often the spool is flushed into PostgreSQL. */
  GATEWAY_USAGE_FLUSH_MS: positive(1_000),
  /** Most usage events per batch (one transaction); a flush starts early once this many wait. */
  GATEWAY_USAGE_BATCH_EVENTS: positive(20_000),
  /** Days raw request log rows are kept (rollups stay); 0 keeps them forever. */
  REQUEST_LOG_RETENTION_DAYS: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).default(7)),
  /** Most bytes of request line + headers; larger requests are answered 431. */
  GATEWAY_MAX_HEADER_BYTES: positive(16 * 1024),
  /** Time a client has to send the complete request headers (slowloris guard). */
  GATEWAY_HEADERS_TIMEOUT_MS: positive(10_000),
  /** Time a client has to send the whole request, body included. 0 turns it off (long uploads). */
  GATEWAY_REQUEST_TIMEOUT_MS: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).default(300_000)),
  /** Idle keep-alive connections close after this long. */
  GATEWAY_KEEP_ALIVE_TIMEOUT_MS: positive(5_000),
  /** Comma-separated CIDRs of proxies in front of the gateway whose X-Forwarded-For is believed. */
  GATEWAY_TRUSTED_PROXIES: z.preprocess(splitList, z.array(ZIpRange).default([])),
  /** DNS servers (`ip` or `ip:port`, comma-separated) that resolve upstream targets named by a host name; empty: the system's. */
  GATEWAY_DNS_SERVERS: z.preprocess(splitList, z.array(z.string().regex(/^(\[[0-9A-Fa-f:.]+\]|[0-9.]+|[0-9A-Fa-f:]+)(:\d{1,5})?$/, 'must be ip or ip:port')).default([])),
  /** A target host name is looked up again when its shortest TTL runs out, but never sooner than this (and again this soon after a failed lookup). */
  GATEWAY_DNS_MIN_TTL_MS: positive(1_000),
  /** ...and never later than this. */
  GATEWAY_DNS_MAX_TTL_MS: positive(300_000),
  /**
   * Origins of the developer portal (comma-separated, e.g. https://portal.example.com), whose
   * try-it calls every route answers with CORS, beside (never instead of) an API's own CORS policy.
   */
  GATEWAY_PORTAL_ORIGINS: z.preprocess(splitList, z.array(z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin)).default([])),
  /** Memory for the response cache, all entries together. */
  GATEWAY_CACHE_MAX_BYTES: positive(64 * 1024 ** 2),
  /** Largest response body the cache keeps; larger ones stream through uncached. */
  GATEWAY_CACHE_MAX_ENTRY_BYTES: positive(1024 ** 2),
  /** Shortest time between two JWKS fetches for an unknown `kid` (rotation), per JWKS URL. */
  GATEWAY_JWKS_COOLDOWN_MS: positive(30_000),
  /** A JWKS older than this is fetched again before use. */
  GATEWAY_JWKS_CACHE_MAX_AGE_MS: positive(600_000),
  GATEWAY_JWKS_TIMEOUT_MS: positive(5_000),
  /** Allow http:// JWKS URLs on 127.0.0.1/localhost (tests only); otherwise only https is fetched. */
  GATEWAY_ALLOW_INSECURE_JWKS: z.preprocess(unsetWhenEmpty, z.enum(['0', '1', 'true', 'false']).default('0').transform((value) => value === '1' || value === 'true')),
  /** Failed authentications (unknown or malformed key, invalid JWT) one client address may have per window before it gets 429; 0 turns this off. */
  GATEWAY_AUTH_FAILURE_LIMIT: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).default(20)),
  GATEWAY_AUTH_FAILURE_WINDOW_MS: positive(60_000),
  /** Most client addresses whose failures are tracked at once (the oldest go first). */
  GATEWAY_AUTH_FAILURE_MAX_ADDRESSES: positive(100_000),
  /** Prefix of every Redis key the gateway writes. */
  GATEWAY_REDIS_PREFIX: z.preprocess(unsetWhenEmpty, z.string().default('tollgate:')),
  /** A Redis command without an answer after this long fails, and limits fall back to this instance. */
  GATEWAY_REDIS_TIMEOUT_MS: positive(500),
  /**
   * RateLimit fields on limited answers: `draft` sends `RateLimit-Policy` and `RateLimit` of the current IETF
   * draft (named policies), `legacy` draft 6's `RateLimit-Limit/-Remaining/-Reset/-Policy`, `both` the two
   * (`RateLimit-Policy` then in the current draft's form).
   */
  GATEWAY_RATELIMIT_HEADERS: z.preprocess(unsetWhenEmpty, z.enum(['draft', 'legacy', 'both']).default('both')),
  /** Most units one instance leases from a shared counter in one Redis call. */
  GATEWAY_RATE_LIMIT_MAX_LEASE: positive(1_000),
  /**
   * OpenTelemetry (the SDK's own names): spans are exported over OTLP/HTTP only when an endpoint is set
   * (`OTEL_EXPORTER_OTLP_ENDPOINT` as a base URL, `/v1/traces` appended; or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as is)
   * and `OTEL_SDK_DISABLED` is not true. Unset, the SDK is never loaded.
   */
  OTEL_SDK_DISABLED: z.preprocess(unsetWhenEmpty, z.string().default('false').transform((value) => value.trim().toLowerCase() === 'true')),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(unsetWhenEmpty, z.url({ protocol: /^https?$/ }).optional()),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.preprocess(unsetWhenEmpty, z.url({ protocol: /^https?$/ }).optional()),
  /** Headers for the collector, `key=value` pairs separated by commas, values percent-encoded (W3C Baggage format). */
  OTEL_EXPORTER_OTLP_HEADERS: z.preprocess(unsetWhenEmpty, z.string().optional().transform((value, ctx) => parseOtlpHeaders(value, ctx))),
  OTEL_SERVICE_NAME: z.preprocess(unsetWhenEmpty, z.string().default('tollgate-gateway')),
  /** One of the SDK's built-in samplers; parent-based ones keep the caller's sampled flag. */
  OTEL_TRACES_SAMPLER: z.preprocess(
    unsetWhenEmpty,
    z.enum(['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio']).default('parentbased_always_on'),
  ),
  /** The ratio of the traceidratio samplers, 0 to 1. */
  OTEL_TRACES_SAMPLER_ARG: z.preprocess(unsetWhenEmpty, z.coerce.number().min(0).max(1).default(1)),
  /** Batch span processor: time between two exports, and most spans waiting (past it new spans are dropped). */
  OTEL_BSP_SCHEDULE_DELAY: positive(5_000),
  OTEL_BSP_MAX_QUEUE_SIZE: positive(2_048),
  LOG_LEVEL: z.preprocess(unsetWhenEmpty, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
});

/** `key=value,key2=value2` with percent-encoded values, as OTEL_EXPORTER_OTLP_HEADERS spells them. */
function parseOtlpHeaders(value: string | undefined, ctx: z.RefinementCtx): Record<string, string> {
  const headers: Record<string, string> = {};
  if (value === undefined) return headers;
  value.split(',').forEach((pair, index) => {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    try {
      if (at <= 0 || name === '') throw new Error('no name');
      headers[name.toLowerCase()] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      // The value is never echoed: it usually holds the collector's token.
      ctx.addIssue({ code: 'custom', message: `entry ${index + 1} is not key=value with a percent-encoded value` });
    }
  });
  return headers;
}

export type GatewayEnv = Readonly<z.infer<typeof ZGatewayEnv>>;

/** Parses the environment (process.env unless given), with `overrides` taking precedence. */
export function parseGatewayEnv(overrides: Partial<GatewayEnv> = {}, source: NodeJS.ProcessEnv = process.env): GatewayEnv {
  const result = ZGatewayEnv.safeParse({ ...source, DATABASE_URL: resolveDatabaseUrl(source) });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new StartupError(`invalid environment: ${problems}`);
  }
  return Object.freeze({ ...result.data, ...withoutUndefined(overrides) });
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
