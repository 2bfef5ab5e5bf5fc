// Usage events stored the way the gateway's flusher stores them: the request log rows and
// their per-minute rollups (RollupAccumulator) in one idempotent batch (ingestUsageBatch).
import { randomUUID } from 'node:crypto';
import { createUsageStore, encodeRequestLogRow, RollupAccumulator, type RequestLogRow } from '@tollgate/db';

export type UsageEventInput = Omit<RequestLogRow, 'id' | 'gatewayId' | 'method' | 'path' | 'bytesIn' | 'bytesOut'> & Partial<RequestLogRow>;

export async function flushUsageEvents(databaseUrl: string, events: UsageEventInput[]): Promise<void> {
  const batchId = `test:${randomUUID()}`;
  const rows: RequestLogRow[] = events.map((event) => ({ id: randomUUID(), gatewayId: 'gw-test', method: 'GET', path: '/', bytesIn: 0, bytesOut: 0, ...event }));
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
      latencyMs: row.latencyMs,
      bytesIn: row.bytesIn,
      bytesOut: row.bytesOut,
      units: row.units,
      count: row.count ?? 1,
    });
  }
  const times = rows.map((row) => row.time).sort();
  const store = createUsageStore(databaseUrl);
  try {
    await store.ingest({
      id: batchId,
      gatewayId: 'gw-test',
      rows: Buffer.from(rows.map((row) => encodeRequestLogRow(batchId, row)).join('')),
      eventCount: rows.length,
      firstAt: times[0] ?? '',
      lastAt: times.at(-1) ?? '',
      rollups: rollups.rows(),
    });
  } finally {
    await store.close();
  }
}
