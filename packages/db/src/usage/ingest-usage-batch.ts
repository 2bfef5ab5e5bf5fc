import type { PoolClient } from 'pg';
import { copyFromBuffer } from './copy-from-buffer';
import { REQUEST_LOG_COPY_COLUMNS, REQUEST_LOG_COPY_FORMAT } from './request-log-copy';
import type { RollupRow } from './usage-rollups';

export interface UsageBatchInput {
  /** Deterministic: the same spool range always gets the same id, so a replay is recognised. */
  readonly id: string;
  /** The gateway instance flushing the batch. */
  readonly gatewayId: string;
  /** The request_log rows as COPY input (see request-log-copy.ts), each starting with this batch's id. */
  readonly rows: Buffer;
  readonly eventCount: number;
  /** ISO times of the earliest and the latest event. */
  readonly firstAt: string;
  readonly lastAt: string;
  /** The batch's per-minute rollups, sorted by key (RollupAccumulator.rows()). */
  readonly rollups: readonly RollupRow[];
}

export type IngestResult =
  | { readonly stored: true; readonly eventCount: number }
  /** The batch id was already stored: `eventCount` events from the start of this range were counted then. */
  | { readonly stored: false; readonly eventCount: number };

const COLUMNS = REQUEST_LOG_COPY_COLUMNS.map((column) => `"${column}"`).join(', ');
const copyInto = (table: string) => `COPY ${table} (${COLUMNS}) FROM STDIN WITH (${REQUEST_LOG_COPY_FORMAT})`;
const COPY_REQUEST_LOG = copyInto('request_log');
const UNIQUE_VIOLATION = '23505';

const UPSERT_ROLLUPS = `
INSERT INTO usage_rollups AS r (minute, "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass", outcome, "upstreamVersion",
                                count, units, errors, "bytesIn", "bytesOut", "latencySumMs", "latencyBuckets")
SELECT x.minute, x.api, x.route, x.app, x.key, x.plan, x.sub, x.class, x.outcome, x.version, x.count, x.units, x.errors, x.bin, x.bout, x.lat, x.buckets::bigint[]
FROM unnest($1::timestamp[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[],
            $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[], $16::float8[], $17::text[])
  AS x(minute, api, route, app, key, plan, sub, class, outcome, version, count, units, errors, bin, bout, lat, buckets)
ON CONFLICT (minute, "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass", outcome, "upstreamVersion") DO UPDATE SET
  count = r.count + excluded.count,
  units = r.units + excluded.units,
  errors = r.errors + excluded.errors,
  "bytesIn" = r."bytesIn" + excluded."bytesIn",
  "bytesOut" = r."bytesOut" + excluded."bytesOut",
  "latencySumMs" = r."latencySumMs" + excluded."latencySumMs",
  "updatedAt" = now(),
  "latencyBuckets" = ARRAY(
    SELECT coalesce(a, 0) + coalesce(b, 0)
    FROM unnest(r."latencyBuckets", excluded."latencyBuckets") WITH ORDINALITY AS h(a, b, i) ORDER BY i)`;

/**
 * Stores one batch in one transaction: the batch id first (a replay stops there), then
 * every event in the request log, then the per-minute rollups. All or nothing.
 */
export async function ingestUsageBatch(client: PoolClient, batch: UsageBatchInput): Promise<IngestResult> {
  await client.query('BEGIN');
  try {
    const claimed = await client.query(
      `INSERT INTO usage_batches (id, "gatewayId", "eventCount", "firstAt", "lastAt") VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
      [batch.id, batch.gatewayId, batch.eventCount, batch.firstAt, batch.lastAt],
    );
    if (claimed.rowCount === 0) {
      const existing = await client.query<{ eventCount: number }>(`SELECT "eventCount" FROM usage_batches WHERE id = $1`, [batch.id]);
      await client.query('COMMIT');
      return { stored: false, eventCount: existing.rows[0]?.eventCount ?? 0 };
    }
    await copyRequestLog(client, batch.rows);
    if (batch.rollups.length > 0) await client.query(UPSERT_ROLLUPS, rollupParams(batch.rollups));
    await touchKeysLastUsed(client, batch);
    await client.query('COMMIT');
    return { stored: true, eventCount: batch.eventCount };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

// The batch's rows lie between its first and last event: a range of request_log's primary key.
const KEYS_USED_IN_BATCH = `
SELECT k.id, u.at FROM api_keys k
JOIN (SELECT "keyId", max(time) AS at FROM request_log
      WHERE time >= $2::timestamp AND time <= $3::timestamp AND "batchId" = $1 AND "keyId" IS NOT NULL
      GROUP BY "keyId") u ON u."keyId" = k.id
WHERE k."lastUsedAt" IS NULL OR k."lastUsedAt" < u.at
ORDER BY k.id
FOR UPDATE OF k`;

const SET_LAST_USED = `
UPDATE api_keys k SET "lastUsedAt" = greatest(k."lastUsedAt", u.at)
FROM unnest($1::uuid[], $2::timestamp[]) AS u(id, at) WHERE k.id = u.id`;

/**
 * api_keys."lastUsedAt" from the batch: the latest event of each key, never moved back.
 * Two statements per batch, none per request. The keys are locked in id order, so
 * flushers of different gateways touching the same keys never deadlock.
 */
async function touchKeysLastUsed(client: PoolClient, batch: UsageBatchInput): Promise<void> {
  const used = await client.query<{ id: string; at: Date }>(KEYS_USED_IN_BATCH, [batch.id, batch.firstAt, batch.lastAt]);
  if (used.rows.length === 0) return;
  await client.query(SET_LAST_USED, [used.rows.map((row) => row.id), used.rows.map((row) => row.at)]);
}

/**
 * COPY straight into request_log. COPY has no ON CONFLICT: when a caller reused a
 * request id within one millisecond ((time, id) taken, in this batch or an earlier one),
 * the same rows go through a staging table and `ON CONFLICT DO NOTHING` instead, so the
 * first row stays and the batch (with its rollups, which count every request) commits.
 */
async function copyRequestLog(client: PoolClient, rows: Buffer): Promise<void> {
  await client.query('SAVEPOINT request_log_copy');
  try {
    await copyFromBuffer(client, COPY_REQUEST_LOG, rows);
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await client.query('ROLLBACK TO SAVEPOINT request_log_copy');
    await client.query('CREATE TEMPORARY TABLE request_log_staging (LIKE request_log) ON COMMIT DROP');
    await copyFromBuffer(client, copyInto('request_log_staging'), rows);
    // A fresh table is read in the order it was written: the first of two equal rows wins.
    await client.query(`INSERT INTO request_log (${COLUMNS}) SELECT ${COLUMNS} FROM request_log_staging ON CONFLICT (time, id) DO NOTHING`);
  }
  await client.query('RELEASE SAVEPOINT request_log_copy');
}

function rollupParams(rows: readonly RollupRow[]): unknown[] {
  const column = <K extends keyof RollupRow>(key: K) => rows.map((row) => row[key]);
  return [
    column('minute'),
    column('apiId'),
    column('routeKey'),
    column('appId'),
    column('keyId'),
    column('planId'),
    column('subscriptionId'),
    column('statusClass'),
    column('outcome'),
    column('upstreamVersion'),
    column('count'),
    column('units'),
    column('errors'),
    column('bytesIn'),
    column('bytesOut'),
    column('latencySumMs'),
    rows.map((row) => `{${row.latencyBuckets.join(',')}}`),
  ];
}
