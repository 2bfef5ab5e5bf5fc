// Test fixture: a usage batch as the gateway's flusher builds it from its spool.
import type { UsageBatchInput } from './ingest-usage-batch';
import { encodeRequestLogRow, type RequestLogRow } from './request-log-copy';
import { RollupAccumulator } from './usage-rollups';

/** What the gateway's flusher builds from its spool: COPY rows and the rollups of the same events. */
export function usageBatch(id: string, rows: RequestLogRow[]): UsageBatchInput {
  const rollups = new RollupAccumulator();
  for (const row of rows) {
    rollups.add({
      minute: row.time.slice(0, 16),
      apiId: row.apiId ?? '',
      routeKey: row.routeKey ?? '',
      appId: row.appId ?? '',
      keyId: row.keyId ?? '',
      subscriptionId: row.subscriptionId ?? '',
      planId: row.planId ?? '',
      status: row.status,
      outcome: row.outcome,
      upstreamVersion: row.upstreamVersion ?? '',
      latencyMs: row.latencyMs,
      bytesIn: row.bytesIn,
      bytesOut: row.bytesOut,
      units: row.units,
      count: row.count,
    });
  }
  const times = rows.map((row) => row.time).sort();
  return {
    id,
    gatewayId: 'gw-1',
    rows: Buffer.from(rows.map((row) => encodeRequestLogRow(id, row)).join('')),
    eventCount: rows.length,
    firstAt: times[0]!,
    lastAt: times.at(-1)!,
    rollups: rollups.rows(),
  };
}

