import type { PoolClient } from 'pg';
import { buildRollups, type RollupRow } from './build-rollups';
import type { UsageEventColumns } from './usage-event-columns';

export interface UsageBatchInput {
  /** Deterministic: the same spool range always gets the same id, so a replay is recognised. */
  readonly id: string;
  /** The gateway instance flushing the batch. */
  readonly gatewayId: string;
  readonly events: UsageEventColumns;
}

export type IngestResult =
  | { readonly stored: true; readonly eventCount: number }
  /** The batch id was already stored: `eventCount` events from the start of this range were counted then. */
  | { readonly stored: false; readonly eventCount: number };

const SEP = '\x1f';

const INSERT_REQUEST_LOG = `
INSERT INTO request_log (id, time, "batchId", "gatewayId", "apiId", "routeKey", "appId", "keyId", "subscriptionId", "planId",
                         method, path, status, "latencyMs", "bytesIn", "bytesOut", units, "clientIp")
SELECT e.id, e.time, $1, e.gw, e.api, e.route, e.app, e.key, e.sub, e.plan, e.method, e.path, e.status, e.latency, e.bin, e.bout, e.units, e.ip
FROM unnest(
  string_to_array($2, E'\\x1f'), string_to_array($3, E'\\x1f')::timestamp[], string_to_array($4, E'\\x1f'),
  string_to_array($5, E'\\x1f', '')::uuid[], string_to_array($6, E'\\x1f', ''), string_to_array($7, E'\\x1f', '')::uuid[],
  string_to_array($8, E'\\x1f', '')::uuid[], string_to_array($9, E'\\x1f', '')::uuid[], string_to_array($10, E'\\x1f', '')::uuid[],
  string_to_array($11, E'\\x1f'), string_to_array($12, E'\\x1f'), string_to_array($13, E'\\x1f')::int[],
  string_to_array($14, E'\\x1f')::float8[], string_to_array($15, E'\\x1f')::bigint[], string_to_array($16, E'\\x1f')::bigint[],
  string_to_array($17, E'\\x1f')::int[], string_to_array($18, E'\\x1f', '')
) AS e(id, time, gw, api, route, app, key, sub, plan, method, path, status, latency, bin, bout, units, ip)
ON CONFLICT (id) DO NOTHING`;

const UPSERT_ROLLUPS = `
INSERT INTO usage_rollups AS r (minute, "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass",
                                count, units, errors, "bytesIn", "bytesOut", "latencySumMs", "latencyBuckets")
SELECT x.minute, x.api, x.route, x.app, x.key, x.plan, x.sub, x.class, x.count, x.units, x.errors, x.bin, x.bout, x.lat, x.buckets::bigint[]
FROM unnest($1::timestamp[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[],
            $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], $14::float8[], $15::text[])
  AS x(minute, api, route, app, key, plan, sub, class, count, units, errors, bin, bout, lat, buckets)
ON CONFLICT (minute, "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass") DO UPDATE SET
  count = r.count + excluded.count,
  units = r.units + excluded.units,
  errors = r.errors + excluded.errors,
  "bytesIn" = r."bytesIn" + excluded."bytesIn",
  "bytesOut" = r."bytesOut" + excluded."bytesOut",
  "latencySumMs" = r."latencySumMs" + excluded."latencySumMs",
  "latencyBuckets" = ARRAY(
    SELECT coalesce(a, 0) + coalesce(b, 0)
    FROM unnest(r."latencyBuckets", excluded."latencyBuckets") WITH ORDINALITY AS h(a, b, i) ORDER BY i)`;

/**
 * Stores one batch in one transaction: the batch id first (a replay stops there), then
 * every event in the request log, then the per-minute rollups. All or nothing.
 */
export async function ingestUsageBatch(client: PoolClient, batch: UsageBatchInput): Promise<IngestResult> {
  const events = batch.events;
  const n = events.id.length;
  let first = events.time[0]!;
  let last = first;
  for (const time of events.time) {
    if (time < first) first = time;
    if (time > last) last = time;
  }
  await client.query('BEGIN');
  try {
    const claimed = await client.query(
      `INSERT INTO usage_batches (id, "gatewayId", "eventCount", "firstAt", "lastAt") VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
      [batch.id, batch.gatewayId, n, first, last],
    );
    if (claimed.rowCount === 0) {
      const existing = await client.query<{ eventCount: number }>(`SELECT "eventCount" FROM usage_batches WHERE id = $1`, [batch.id]);
      await client.query('COMMIT');
      return { stored: false, eventCount: existing.rows[0]?.eventCount ?? 0 };
    }
    await client.query(INSERT_REQUEST_LOG, [
      batch.id,
      events.id.join(SEP),
      events.time.join(SEP),
      events.gatewayId.join(SEP),
      events.apiId.join(SEP),
      events.routeKey.join(SEP),
      events.appId.join(SEP),
      events.keyId.join(SEP),
      events.subscriptionId.join(SEP),
      events.planId.join(SEP),
      events.method.join(SEP),
      events.path.join(SEP),
      events.status.join(SEP),
      events.latencyMs.join(SEP),
      events.bytesIn.join(SEP),
      events.bytesOut.join(SEP),
      events.units.join(SEP),
      events.clientIp.join(SEP),
    ]);
    const rollups = buildRollups(events);
    if (rollups.length > 0) await client.query(UPSERT_ROLLUPS, rollupParams(rollups));
    await client.query('COMMIT');
    return { stored: true, eventCount: n };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

function rollupParams(rows: RollupRow[]): unknown[] {
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
    column('count'),
    column('units'),
    column('errors'),
    column('bytesIn'),
    column('bytesOut'),
    column('latencySumMs'),
    rows.map((row) => `{${row.latencyBuckets.join(',')}}`),
  ];
}
