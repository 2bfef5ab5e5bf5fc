import pg from 'pg';
import { deleteExpiredRequestLog, type RetentionOptions } from './delete-expired-request-log';
import { ingestUsageBatch, type IngestResult, type UsageBatchInput } from './ingest-usage-batch';

/** The gateway's write path for usage: a small pg pool of its own, apart from Prisma. */
export interface UsageStore {
  ingest(batch: UsageBatchInput): Promise<IngestResult>;
  deleteExpiredRequestLog(options: RetentionOptions): Promise<{ deleted: number; locked: boolean }>;
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
  return {
    async ingest(batch) {
      const client = await pool.connect();
      // A checked-out client has no pool listener: a server shutdown between two
      // statements would otherwise be an unhandled 'error' event.
      let broken: Error | undefined;
      const onError = (error: Error) => (broken = error);
      client.on('error', onError);
      try {
        return await ingestUsageBatch(client, batch);
      } catch (error) {
        broken = error as Error;
        throw error;
      } finally {
        client.removeListener('error', onError);
        client.release(broken);
      }
    },
    deleteExpiredRequestLog: (retention) => deleteExpiredRequestLog(pool, retention),
    close: () => pool.end(),
  };
}
