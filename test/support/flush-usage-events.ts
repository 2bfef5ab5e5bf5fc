// Usage events stored the way the gateway's flusher stores them: the request log rows and
// their per-minute rollups in one idempotent batch (ingestUsageBatch through a usage store).
import { randomUUID } from 'node:crypto';
import { createUsageStore, type RequestLogRow } from '@tollgate/db';
import { usageBatch } from '../../packages/db/src/usage/usage-batch-fixture';

export type UsageEventInput = Omit<RequestLogRow, 'id' | 'gatewayId' | 'method' | 'path' | 'bytesIn' | 'bytesOut'> & Partial<RequestLogRow>;

export async function flushUsageEvents(databaseUrl: string, events: UsageEventInput[]): Promise<void> {
  const rows: RequestLogRow[] = events.map((event) => ({ id: randomUUID(), gatewayId: 'gw-1', method: 'GET', path: '/', bytesIn: 0, bytesOut: 0, ...event }));
  const store = createUsageStore(databaseUrl);
  try {
    await store.ingest(usageBatch(`test:${randomUUID()}`, rows));
  } finally {
    await store.close();
  }
}
