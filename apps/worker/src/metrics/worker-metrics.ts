import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * prom-client's default metrics include three gauges named like counters
 * (`nodejs_active_{handles,requests,resources}_total`), which `promtool check metrics`
 * rejects; their per-type gauges (`nodejs_active_handles` …) carry the same numbers.
 */
const MISNAMED_DEFAULT_METRICS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

/** The worker's jobs, as they are labelled in its metrics. */
export type WorkerJob = 'billing' | 'webhook_delivery' | 'rollup' | 'alerts' | 'link_cleanup';

/** The worker's Prometheus metrics, served on WORKER_METRICS_PORT. */
export class WorkerMetrics {
  readonly registry = new Registry();
  readonly jobRuns = new Counter({
    name: 'tollgate_worker_job_runs_total',
    help: 'Runs of each worker job (billing: statements closed and refreshed, usage records queued; alerts: one evaluation of every rule), by result: ok or error.',
    labelNames: ['job', 'result'] as const,
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: 'tollgate_worker_job_duration_seconds',
    help: 'Time one run of a worker job took, failed runs included.',
    labelNames: ['job'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  readonly statementsClosed = new Counter({
    name: 'tollgate_worker_statements_closed_total',
    help: 'Billing statements closed at the end of their period.',
    registers: [this.registry],
  });
  readonly usageRecordsQueued = new Counter({
    name: 'tollgate_worker_usage_records_queued_total',
    help: 'Usage records queued for the webhooks (settled minutes and late corrections).',
    registers: [this.registry],
  });
  readonly deliveries = new Counter({
    name: 'tollgate_worker_webhook_deliveries_total',
    help: 'Webhook delivery attempts, by result: delivered, failed (retried later) or dead (dead-lettered after the last attempt).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly deadLetters = new Gauge({
    name: 'tollgate_worker_webhook_dead_letters',
    help: 'Webhook deliveries that are dead-lettered and wait to be retried or dropped, as last counted.',
    registers: [this.registry],
  });
  readonly alertTransitions = new Counter({
    name: 'tollgate_worker_alert_transitions_total',
    help: 'Alert rules that changed state, by kind: fired or recovered.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly rollupLag: Gauge;
  /** Where the last rollup run (this worker's or another's) brought the rollups up to. */
  #rollupWatermark: Date | null = null;

  constructor(now: () => Date, options: { processMetrics?: boolean } = {}) {
    const watermark = () => this.#rollupWatermark;
    this.rollupLag = new Gauge({
      name: 'tollgate_worker_rollup_lag_seconds',
      help: 'How far the hourly and daily usage rollups are behind the per-minute ones: seconds since the watermark of the last rollup run (0 until the first).',
      registers: [this.registry],
      collect() {
        const upTo = watermark();
        if (upTo !== null) this.set(Math.max(0, (now().getTime() - upTo.getTime()) / 1000));
      },
    });
    if (options.processMetrics) {
      collectDefaultMetrics({ register: this.registry });
      for (const name of MISNAMED_DEFAULT_METRICS) this.registry.removeSingleMetric(name);
    }
  }

  /** Records the watermark the rollups reached (read after each rollup run). */
  rolledUpTo(upTo: Date | null): void {
    if (upTo !== null) this.#rollupWatermark = upTo;
  }
}
