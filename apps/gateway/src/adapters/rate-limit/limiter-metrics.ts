import { Counter, Gauge, type Registry } from 'prom-client';
import type { CounterStore } from './counter-store';

/** The limiter's Prometheus metrics, registered beside the gateway's own. */
export class LimiterMetrics {
  readonly degraded: Gauge;
  readonly outages: Counter;
  readonly fallbackDecisions: Counter;
  readonly storeCalls: Counter;
  readonly instances: Gauge;
  readonly clockOffset: Gauge;
  readonly pendingCommands: Gauge;

  constructor(registry: Registry, store: CounterStore) {
    this.degraded = new Gauge({
      name: 'tollgate_gateway_rate_limiter_degraded_state',
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
        this.set(store.instances);
      },
    });
    this.clockOffset = new Gauge({
      name: 'tollgate_gateway_rate_limiter_clock_offset_seconds',
      help: 'Redis\'s clock minus this gateway\'s, as last measured; limit windows follow Redis\'s clock.',
      registers: [registry],
      collect() {
        this.set(store.clockOffsetMs / 1000);
      },
    });
    this.pendingCommands = new Gauge({
      name: 'tollgate_gateway_rate_limiter_pending_commands',
      help: 'Commands sent to the shared rate limiter (Redis) and not yet answered, timed-out ones included.',
      registers: [registry],
      collect() {
        this.set(store.pendingCommands);
      },
    });
  }
}
