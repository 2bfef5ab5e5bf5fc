import { Gauge, type Registry } from 'prom-client';
import type { UpstreamState } from './upstream-state';

const BREAKER_VALUE = { closed: 0, open: 1, half_open: 2 } as const;

/** Target health and breaker state gauges, read from the live upstream states at each scrape. */
export function registerUpstreamMetrics(registry: Registry, upstreams: () => Iterable<UpstreamState>): void {
  new Gauge({
    name: 'tollgate_gateway_upstream_target_healthy',
    help: '1 while an upstream target takes traffic, 0 while a health check or passive ejection keeps it out.',
    labelNames: ['upstream', 'target'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const now = Date.now();
      for (const upstream of upstreams()) {
        for (const target of upstream.targets) this.labels(upstream.label, target.origin + target.prefix).set(target.available(now) ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: 'tollgate_gateway_upstream_connections',
    help: "Connections of an upstream target's pool (shared by every upstream on the same origin): open, and in use by a request.",
    labelNames: ['upstream', 'target', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const upstream of upstreams()) {
        for (const target of upstream.targets) {
          const name = target.origin + target.prefix;
          this.labels(upstream.label, name, 'open').set(target.pool.stats.connected);
          this.labels(upstream.label, name, 'in_use').set(target.admission.held);
        }
      }
    },
  });
  new Gauge({
    name: 'tollgate_gateway_upstream_breaker_state',
    help: 'Circuit breaker of an upstream: 0 closed, 1 open, 2 half-open.',
    labelNames: ['upstream'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const upstream of upstreams()) this.labels(upstream.label).set(BREAKER_VALUE[upstream.breaker.state]);
    },
  });
}
