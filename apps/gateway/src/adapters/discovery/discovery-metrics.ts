import { Counter, Gauge, type Registry } from 'prom-client';

export interface DiscoveryMetrics {
  readonly observed: Counter;
  readonly overflow: Counter;
  readonly held: Gauge;
  readonly flushFailures: Counter;
}

export function createDiscoveryMetrics(registry: Registry): DiscoveryMetrics {
  const registers = [registry];
  return {
    observed: new Counter({ name: 'tollgate_gateway_discovery_requests_total', help: 'Requests no route or OpenAPI document describes, counted for discovery.', registers }),
    overflow: new Counter({
      name: 'tollgate_gateway_discovery_overflow_total',
      help: 'Discovery requests not kept because the template cap (GATEWAY_DISCOVERY_MAX_TEMPLATES) was reached before the next flush.',
      registers,
    }),
    held: new Gauge({ name: 'tollgate_gateway_discovery_templates', help: 'Discovery templates held in memory until the next flush.', registers }),
    flushFailures: new Counter({ name: 'tollgate_gateway_discovery_flush_failures_total', help: 'Discovery flushes that failed (kept and retried).', registers }),
  };
}
