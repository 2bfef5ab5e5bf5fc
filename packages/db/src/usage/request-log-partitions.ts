import type pg from 'pg';
import { REQUEST_LOG_COPY_COLUMNS } from './request-log-copy';

const DAY_MS = 86_400_000;
/** A batch spanning more days than this (a clock gone wrong) is read for the days it really holds. */
const MAX_RANGE_DAYS = 31;
/** Any fixed numbers: the advisory locks that let one instance at a time drop, or create, partitions. */
const MAINTENANCE_LOCK = 7_300_201;
const CREATE_LOCK = 7_300_202;
const TIME_FIELD = REQUEST_LOG_COPY_COLUMNS.indexOf('time');

type Queryable = Pick<pg.PoolClient, 'query'>;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The UTC days a batch's rows fall on. Every row lies between the batch's first and last
 * event, so that range is enough; only a batch stretched over weeks by a broken clock is
 * read row by row (its COPY lines) so no partition is made for a day that holds nothing.
 */
export function batchDays(batch: { firstAt: string; lastAt: string; rows: Buffer }): string[] {
  const first = Date.parse(batch.firstAt.slice(0, 10));
  const last = Date.parse(batch.lastAt.slice(0, 10));
  if ((last - first) / DAY_MS <= MAX_RANGE_DAYS) {
    const days: string[] = [];
    for (let at = first; at <= last; at += DAY_MS) days.push(dayOf(at));
    return days;
  }
  const days = new Set<string>();
  for (const line of batch.rows.toString('utf8').split('\n')) {
    const time = line.split('\t')[TIME_FIELD];
    if (time) days.add(time.slice(0, 10));
  }
  return [...days].sort();
}

interface Partition {
  readonly name: string;
  /** Epoch ms of the bounds; null for MINVALUE / MAXVALUE. */
  readonly from: number | null;
  readonly to: number | null;
}

const BOUND = /FROM \((?:MINVALUE|'([^']+)')\) TO \((?:MAXVALUE|'([^']+)')\)/;
/** A bound as PostgreSQL prints it ('2026-11-22 00:00:00', a timestamp without zone, stored as UTC). */
const boundMs = (text: string | undefined) => (text === undefined ? null : Date.parse(`${text.replace(' ', 'T')}Z`));

async function listPartitions(db: Queryable): Promise<Partition[]> {
  const result = await db.query<{ name: string; bound: string }>(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'request_log'::regclass ORDER BY c.relname`,
  );
  return result.rows.map(({ name, bound }) => {
    const match = BOUND.exec(bound);
    return { name, from: boundMs(match?.[1]), to: boundMs(match?.[2]) };
  });
}

const covers = (partition: Partition, dayMs: number) => (partition.from === null || partition.from <= dayMs) && (partition.to === null || dayMs < partition.to);

/**
 * Creates a daily partition (request_log_YYYYMMDD) for each day no partition holds yet and
 * returns how many it made. Creators queue on an advisory lock inside one transaction, so two
 * gateways flushing the same new day never race.
 */
export async function ensureRequestLogPartitions(pool: pg.Pool, days: readonly string[]): Promise<number> {
  if (days.length === 0) return 0;
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [CREATE_LOCK]);
      const partitions = await listPartitions(client);
      let created = 0;
      for (const day of days) {
        const dayMs = Date.parse(day);
        if (partitions.some((partition) => covers(partition, dayMs))) continue;
        const name = `request_log_${day.replaceAll('-', '')}`;
        await client.query(`CREATE TABLE "${name}" PARTITION OF request_log FOR VALUES FROM ('${day}') TO ('${dayOf(dayMs + DAY_MS)}')`);
        created++;
      }
      await client.query('COMMIT');
      return created;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}

export interface PartitionMaintenanceOptions {
  /** Days of raw request log kept; 0 keeps every day. */
  readonly retentionDays: number;
  /** Partitions made this many days ahead of today, so a flush at midnight never waits on DDL. */
  readonly aheadDays?: number;
  readonly now?: Date;
}

export interface PartitionMaintenanceResult {
  readonly locked: boolean;
  readonly created: number;
  /** The partitions dropped, by name. */
  readonly dropped: readonly string[];
}

/**
 * Keeps request_log's days: partitions for today and the days ahead exist, and a day that
 * lies wholly before the retention cutoff is dropped — one DROP TABLE, no row deletes, no
 * bloat. Only the instance holding the advisory lock works; the others return at once.
 */
export async function maintainRequestLogPartitions(pool: pg.Pool, options: PartitionMaintenanceOptions): Promise<PartitionMaintenanceResult> {
  const now = (options.now ?? new Date()).getTime();
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    const lock = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [MAINTENANCE_LOCK]);
    if (!lock.rows[0]?.locked) return { locked: false, created: 0, dropped: [] };
    try {
      const ahead = Array.from({ length: (options.aheadDays ?? 2) + 1 }, (_, index) => dayOf(now + index * DAY_MS));
      const created = await ensureRequestLogPartitions(pool, ahead);
      const dropped = options.retentionDays > 0 ? await dropExpired(client, Date.parse(dayOf(now - options.retentionDays * DAY_MS))) : [];
      return { locked: true, created, dropped };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MAINTENANCE_LOCK]);
    }
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}

/** Drops every partition that ends by `cutoffMs` (a UTC midnight): each row it holds is older than the retention. */
async function dropExpired(client: pg.PoolClient, cutoffMs: number): Promise<string[]> {
  const dropped: string[] = [];
  for (const partition of await listPartitions(client)) {
    if (partition.to === null || partition.to > cutoffMs) continue;
    await client.query(`DROP TABLE IF EXISTS "${partition.name}"`);
    dropped.push(partition.name);
  }
  return dropped;
}
