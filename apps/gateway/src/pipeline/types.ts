import type { Logger } from 'pino';
import type { LeaseLimiter } from '../adapters/rate-limit/lease-limiter';
import type { UpstreamBalancer } from '../adapters/upstream/upstream-balancer';
import type { UpstreamPools } from '../adapters/upstream/upstream-pools';
import type { SpoolHealth } from '../adapters/usage-sink/usage-sink';
import type { GatewayMetrics } from '../admin/gateway-metrics';
import type { AccessLog } from '../stages/record/access-log';
import type { RequestTracer } from '../adapters/tracing/request-tracer';
import type { DiscoveryAggregator } from '../adapters/discovery/discovery-aggregator';
import type { CompiledDiscovery } from '../config/compile-discovery';
import type { CompiledRoute, SnapshotIndex } from '../config/compiled-snapshot.types';
import type { GatewayEnv } from '../env';
import type { GatewayContext } from './context';

/** The fixed order of the request path. Stages run by phase, then by priority (higher first). */
export const PHASES = ['receive', 'route', 'authenticate', 'limit', 'transform', 'forward', 'record'] as const;
export type Phase = (typeof PHASES)[number];

/** Phases that run before a route is known; their stages are configured once per snapshot. */
export const REQUEST_PHASES: ReadonlySet<Phase> = new Set<Phase>(['receive', 'route']);

/** What the gateway process provides to every stage. */
export interface GatewayServices {
  readonly env: GatewayEnv;
  readonly log: Logger;
  /** One line per request (GATEWAY_ACCESS_LOG with LOG_LEVEL info or lower); null when off. */
  readonly accessLog: AccessLog | null;
  readonly metrics: GatewayMetrics;
  readonly pools: UpstreamPools;
  /** Rate limits and quotas (Redis when REDIS_URL is set, else this process). */
  readonly limiter: LeaseLimiter;
  /** Milliseconds since the epoch; injected by tests that move time. */
  readonly clock: () => number;
  /** Shadow-API discovery counts; null when GATEWAY_DISCOVERY is off. */
  readonly discovery?: DiscoveryAggregator | null;
  /** Whether usage events can be written (the metering guard reads it); absent in tests without a spool. */
  readonly spool?: SpoolHealth | null;
  /** A span per request over OTLP; null (or absent) when OTEL_EXPORTER_OTLP_ENDPOINT is unset. */
  readonly tracer?: RequestTracer | null;
}

/** What a stage sees when a snapshot compiles. */
export interface StageScope {
  /** The route being compiled; null for request phases and for requests no route matched. */
  readonly route: CompiledRoute | null;
  readonly index: SnapshotIndex;
  readonly services: GatewayServices;
  /** Blocked templates and the templater (discovery). */
  readonly discovery: CompiledDiscovery;
  /** Records a problem with the config that does not stop the snapshot from loading. */
  warn(message: string): void;
  /** Each served API's upstream by API slug (null: the API has none), for routes that call other APIs' upstreams. */
  readonly upstreams?: ReadonlyMap<string, UpstreamBalancer | null>;
}

/**
 * One step of the request path. `configure` runs when a snapshot compiles (never per
 * request) and returns the stage's parsed config for that route, or undefined when the
 * stage has nothing to do there. `run` either returns or throws a TollgateError.
 */
export interface Stage<TConfig = unknown> {
  readonly name: string;
  readonly phase: Phase;
  readonly priority: number;
  configure(scope: StageScope): TConfig | undefined;
  run(ctx: GatewayContext, config: TConfig): void | Promise<void>;
}

/** A stage with its config for one route, as the runner calls it. */
export interface BoundStage {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly stage: Stage<any>;
  readonly config: unknown;
}
