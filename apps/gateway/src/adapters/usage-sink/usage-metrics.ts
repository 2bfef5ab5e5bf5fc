import { Counter, Gauge, type Registry } from 'prom-client';

/** Metering metrics, registered in the gateway's registry. */
export interface UsageMetrics {
  readonly spoolBytes: Gauge;
  readonly flushed: Counter;
  readonly replayed: Counter;
  readonly dropped: Counter;
  readonly corrupt: Counter;
  readonly rejected: Counter;
  readonly flushFailures: Counter;
  readonly diskFull: Gauge;
  readonly shed: Counter;
}

export function createUsageMetrics(registry: Registry): UsageMetrics {
  const registers = [registry];
  return {
    spoolBytes: new Gauge({ name: 'tollgate_gateway_spool_bytes', help: 'Bytes of usage events in the local spool (not yet known to be in PostgreSQL).', registers }),
    flushed: new Counter({ name: 'tollgate_gateway_usage_events_flushed_total', help: 'Usage events committed to PostgreSQL.', registers }),
    replayed: new Counter({
      name: 'tollgate_gateway_usage_events_replayed_total',
      help: 'Usage events found already committed (replay after a crash) and skipped.',
      registers,
    }),
    dropped: new Counter({ name: 'tollgate_gateway_usage_events_dropped_total', help: 'Usage events lost because the spool was full or not writable.', registers }),
    corrupt: new Counter({ name: 'tollgate_gateway_usage_spool_corrupt_records_total', help: 'Spool lines skipped for a bad CRC or a torn write.', registers }),
    rejected: new Counter({
      name: 'tollgate_gateway_usage_events_rejected_total',
      help: 'Usage events PostgreSQL refused as invalid data, set aside in the spool directory.',
      registers,
    }),
    flushFailures: new Counter({ name: 'tollgate_gateway_usage_flush_failures_total', help: 'Flushes that failed (PostgreSQL unreachable or erroring).', registers }),
    diskFull: new Gauge({
      name: 'tollgate_gateway_usage_spool_disk_full',
      help: '1 while the usage spool cannot be written (its disk is full or failing) and billable requests are answered 503.',
      registers,
    }),
    shed: new Counter({ name: 'tollgate_gateway_usage_requests_shed_total', help: 'Billable requests answered 503 because the usage spool could not be written.', registers }),
  };
}
