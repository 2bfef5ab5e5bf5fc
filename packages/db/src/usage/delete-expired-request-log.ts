import type { Pool } from 'pg';

/** Any fixed number: the advisory lock that makes one instance at a time run retention. */
const RETENTION_LOCK = 7_300_201;

export interface RetentionOptions {
  readonly retentionDays: number;
  /** Rows per DELETE; each runs in its own short transaction. */
  readonly batchSize?: number;
  /** Stops after this many batches (the next run continues). */
  readonly maxBatches?: number;
  readonly now?: Date;
}

/**
 * Deletes request_log rows older than the retention in small batches, each in its own
 * short transaction (no long locks, vacuum keeps up). Only the instance holding the
 * advisory lock works; the others return `locked: false` at once.
 */
export async function deleteExpiredRequestLog(pool: Pool, options: RetentionOptions): Promise<{ deleted: number; locked: boolean }> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 86_400_000);
  const batchSize = options.batchSize ?? 5_000;
  const maxBatches = options.maxBatches ?? 200;
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  let deleted = 0;
  try {
    const lock = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [RETENTION_LOCK]);
    if (!lock.rows[0]?.locked) return { deleted: 0, locked: false };
    try {
      for (let i = 0; i < maxBatches; i++) {
        const result = await client.query(
          `DELETE FROM request_log WHERE ctid = ANY(ARRAY(SELECT ctid FROM request_log WHERE time < $1 LIMIT $2))`,
          [cutoff.toISOString(), batchSize],
        );
        deleted += result.rowCount ?? 0;
        if ((result.rowCount ?? 0) < batchSize) break;
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK]);
    }
    return { deleted, locked: true };
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}
