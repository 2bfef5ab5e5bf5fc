import { Counter, Gauge, type Registry } from 'prom-client';

/** The limiter's Prometheus metrics, registered beside the gateway's own. */
export class LimiterMetrics {
  readonly degraded: Gauge;
  readonly outages: Counter;
  readonly fallbackDecisions: Counter;
  readonly storeCalls: Counter;
  readonly instances: Gauge;

  constructor(registry: Registry, countInstances: () => number) {
    this.degraded = new Gauge({
      name: 'tollgate_gateway_rate_limiter_degraded',
      help: '1 while the shared rate limiter (Redis) is unreachable and limits are applied per instance.',
      registers: [registry],
    });
    this.outages = new Counter({
      name: 'tollgate_gateway_rate_limiter_degraded_total',
      help: 'Times the shared rate limiter became unreachable.',
      registers: [registry],
    });
    this.fallbackDecisions = new Counter({
      name: 'tollgate_gateway_rate_limiter_fallback_decisions_total',
      help: 'Limit decisions taken in memory because the shared rate limiter was unreachable.',
      registers: [registry],
    });
    this.storeCalls = new Counter({
      name: 'tollgate_gateway_rate_limiter_store_calls_total',
      help: 'Round trips to the shared rate limiter (lease reservations).',
      registers: [registry],
    });
    this.instances = new Gauge({
      name: 'tollgate_gateway_rate_limiter_instances',
      help: 'Gateway instances sharing the rate-limit counters, as last seen; each one\'s share of a limit while Redis is away.',
      registers: [registry],
      collect() {
        this.set(countInstances());
      },
    });
  }
}
