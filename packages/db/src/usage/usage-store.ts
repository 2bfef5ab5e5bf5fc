import pg from 'pg';
import { ingestUsageBatch, type IngestResult, type UsageBatchInput } from './ingest-usage-batch';
import { batchDays, ensureRequestLogPartitions, maintainRequestLogPartitions, type PartitionMaintenanceOptions, type PartitionMaintenanceResult } from './request-log-partitions';

/** PostgreSQL's answer to a row whose day has no partition. */
const NO_PARTITION = '23514';

/** The gateway's write path for usage: a small pg pool of its own, apart from Prisma. */
export interface UsageStore {
  ingest(batch: UsageBatchInput): Promise<IngestResult>;
  /** Creates the request log's coming days and drops those past the retention (one instance at a time). */
  maintainRequestLog(options: PartitionMaintenanceOptions): Promise<PartitionMaintenanceResult>;
  close(): Promise<void>;
}

export function createUsageStore(databaseUrl: string, options: { max?: number; connectionTimeoutMillis?: number; onError?: (error: Error) => void } = {}): UsageStore {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 2,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    idleTimeoutMillis: 30_000,
    // Bounded statements: a hung server must not stall the flusher forever.
    query_timeout: 60_000,
  });
  // An idle connection that dies (PostgreSQL restarting) must not crash the gateway.
  pool.on('error', (error) => options.onError?.(error));
  // Days known to have a request_log partition: a flush checks the catalogue only for a new day.
  const partitionedDays = new Set<string>();
  async function ensurePartitions(batch: UsageBatchInput): Promise<void> {
    const missing = batchDays(batch).filter((day) => !partitionedDays.has(day));
    if (missing.length === 0) return;
    await ensureRequestLogPartitions(pool, missing);
    for (const day of missing) partitionedDays.add(day);
  }
  return {
    async ingest(batch) {
      await ensurePartitions(batch);
      const client = await pool.connect();
      // A checked-out client has no pool listener: a server shutdown between two
      // statements would otherwise be an unhandled 'error' event.
      let broken: Error | undefined;
      const onError = (error: Error) => (broken = error);
      client.on('error', onError);
      try {
        return await ingestUsageBatch(client, batch);
      } catch (error) {
        // A day dropped by retention after it was cached: forget the cache; the retry recreates it.
        if ((error as { code?: string }).code === NO_PARTITION) partitionedDays.clear();
        else broken = error as Error;
        throw error;
      } finally {
        client.removeListener('error', onError);
        client.release(broken);
      }
    },
    async maintainRequestLog(maintenance) {
      const result = await maintainRequestLogPartitions(pool, maintenance);
      if (result.dropped.length > 0) partitionedDays.clear();
      return result;
    },
    close: () => pool.end(),
  };
}
