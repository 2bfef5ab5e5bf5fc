import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { RouteRequestMetrics, type RouteMetrics } from './route-request-metrics';

export type { RouteMetrics } from './route-request-metrics';

/**
 * prom-client's default metrics include three gauges named like counters
 * (`nodejs_active_{handles,requests,resources}_total`), which `promtool check metrics`
 * rejects; their per-type gauges (`nodejs_active_handles` …) carry the same numbers.
 */
const MISNAMED_DEFAULT_METRICS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The gateway's Prometheus metrics, in a registry of its own (one per gateway instance). */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly #requests = new RouteRequestMetrics(
    this.registry,
    { requests: 'tollgate_gateway_requests_total', duration: 'tollgate_gateway_request_duration_seconds' },
    LATENCY_BUCKETS,
  );
  readonly configRevision = new Gauge({
    name: 'tollgate_gateway_config_revision',
    help: 'Config revision being served.',
    registers: [this.registry],
  });
  readonly configFromDisk = new Gauge({
    name: 'tollgate_gateway_config_from_disk',
    help: '1 while the config being served came from the disk snapshot instead of PostgreSQL.',
    registers: [this.registry],
  });
  readonly reloadDuration = new Histogram({
    name: 'tollgate_gateway_config_reload_duration_seconds',
    help: 'Time to read and apply a config change: kind full (read and compile everything), incremental (patch changed keys) or disk (read the disk snapshot).',
    labelNames: ['kind'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly reloads = new Counter({
    name: 'tollgate_gateway_config_reloads_total',
    help: 'Config snapshots served, by kind: full, incremental or disk.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly configSource = new Gauge({
    name: 'tollgate_gateway_config_source',
    help: '1 for the source of the config being served (database or disk), 0 for the other.',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  readonly configKeys = new Gauge({
    name: 'tollgate_gateway_config_keys',
    help: 'API keys in the served snapshot (active and recently revoked).',
    registers: [this.registry],
  });
  readonly reloadFailures = new Counter({
    name: 'tollgate_gateway_config_reload_failures_total',
    help: 'Config reloads that failed (the previous snapshot kept serving).',
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean; worker?: number } = {}) {
    // Each worker's series stay apart in the primary's aggregated /metrics.
    if (options.worker !== undefined) this.registry.setDefaultLabels({ worker: String(options.worker) });
    if (options.processMetrics) {
      collectDefaultMetrics({ register: this.registry });
      for (const name of MISNAMED_DEFAULT_METRICS) this.registry.removeSingleMetric(name);
    }
  }

  /** The request counter and duration histogram of one route (the same series across snapshots). */
  forRoute(api: string, route: string): RouteMetrics {
    return this.#requests.forRoute(api, route);
  }
}
