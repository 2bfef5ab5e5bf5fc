import type { Db } from '../client/create-db';
import { sqlUtc } from '../billing/sql-time';

export const DEFAULT_DELIVERY_RETENTION_MS = 30 * 86_400_000;

/**
 * Drops delivered webhook deliveries older than the retention, a batch at a time so the
 * table is never locked for long. Pending and dead ones stay until handled.
 */
export async function deleteOldWebhookDeliveries(db: Db, now: Date, retentionMs = DEFAULT_DELIVERY_RETENTION_MS, batchSize = 5_000): Promise<number> {
  const before = new Date(now.getTime() - retentionMs);
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM webhook_deliveries WHERE id IN (
        SELECT id FROM webhook_deliveries
        WHERE status = 'delivered' AND "createdAt" < ${sqlUtc(before)}
        LIMIT ${batchSize}::int
      )`;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
