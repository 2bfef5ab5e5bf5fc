import { USAGE_RECORDED } from '@tollgate/domain';
import type { Db } from '../client/create-db';
import { sqlUtc } from '../billing/sql-time';

export interface UsageRecordOptions {
  /** A minute is sent once it is this old, so the gateways' flushes have landed. Default 2 min. */
  settleMs?: number;
  /** How far back minutes are (re)considered; a record already queued is never queued again. Default 1 h. */
  lookbackMs?: number;
  source?: string;
}

export const DEFAULT_USAGE_SETTLE_MS = 2 * 60_000;
export const DEFAULT_USAGE_LOOKBACK_MS = 60 * 60_000;
/** Late additions to one minute are sent as at most this many correction records. */
const MAX_CORRECTIONS = 20;

/**
 * Queues one `dev.tollgate.usage.recorded` CloudEvent per subscription, API, route and
 * minute of usage for the webhooks that want it. The record id is a hash of those four,
 * so it is the same however often this runs: a receiver (or Stripe's `identifier`, Lago's
 * `transaction_id`, OpenMeter's `id`) drops repeats.
 * Usage that lands in a minute after it was sent (a gateway's spool draining after an
 * outage) goes out as a correction record `<id>.1`, `<id>.2`, … carrying only the
 * difference, so the records of a minute always add up to its rollups.
 * Only minutes that start at or after a webhook was created are sent to it.
 */
export async function enqueueUsageRecords(db: Db, now: Date, options: UsageRecordOptions = {}): Promise<number> {
  const settled = new Date(now.getTime() - (options.settleMs ?? DEFAULT_USAGE_SETTLE_MS));
  const from = new Date(now.getTime() - (options.lookbackMs ?? DEFAULT_USAGE_LOOKBACK_MS));
  const source = options.source ?? '/tollgate/billing';
  return db.$executeRaw`
    WITH usage AS (
      SELECT r."subscriptionId", r."apiId", r."routeKey", r.minute,
             sum(r.count)::bigint AS requests, sum(r.units)::bigint AS units, sum(r.errors)::bigint AS errors
      FROM usage_rollups r
      WHERE r."subscriptionId" <> '' AND r.minute >= ${sqlUtc(from)} AND r.minute + interval '1 minute' <= ${sqlUtc(settled)}
      GROUP BY r."subscriptionId", r."apiId", r."routeKey", r.minute
    ), records AS (
      SELECT u.*, app."teamId", app.slug AS app_slug, a.slug AS api_slug, p.slug AS plan_slug,
             'usg_' || md5(u."subscriptionId" || '|' || u."apiId"::text || '|' || u."routeKey" || '|' || to_char(u.minute, 'YYYY-MM-DD"T"HH24:MI')) AS base_id,
             to_char(u.minute, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS window_start,
             to_char(u.minute + interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS window_end
      FROM usage u
      JOIN subscriptions s ON s.id::text = u."subscriptionId"
      JOIN apps app ON app.id = s."appId"
      JOIN apis a ON a.id = u."apiId"
      JOIN plans p ON p.id = s."planId"
    ), targets AS (
      SELECT r.*, w.id AS webhook_id, coalesce(q.n, 0) AS n,
             r.requests - coalesce(q.requests, 0) AS delta_requests, r.units - coalesce(q.units, 0) AS delta_units,
             r.errors - coalesce(q.errors, 0) AS delta_errors
      FROM records r
      JOIN webhooks w ON w.active
        AND (w."teamId" IS NULL OR w."teamId" = r."teamId")
        AND (cardinality(w."eventTypes") = 0 OR ${USAGE_RECORDED} = ANY(w."eventTypes"))
        AND r.minute >= date_trunc('minute', w."createdAt")
      LEFT JOIN LATERAL (
        SELECT count(*) AS n, sum((d.payload->'data'->>'requests')::bigint) AS requests,
               sum((d.payload->'data'->>'units')::bigint) AS units, sum((d.payload->'data'->>'errors')::bigint) AS errors
        FROM webhook_deliveries d
        WHERE d."webhookId" = w.id
          AND d."recordId" = ANY (ARRAY(SELECT r.base_id || CASE WHEN g = 0 THEN '' ELSE '.' || g END FROM generate_series(0, ${MAX_CORRECTIONS}::int) g))
      ) q ON true
    ), sendable AS (
      SELECT t.*, CASE WHEN t.n = 0 THEN t.base_id ELSE t.base_id || '.' || t.n END AS record_id
      FROM targets t
      WHERE t.n <= ${MAX_CORRECTIONS}::int AND (t.n = 0 OR t.delta_requests <> 0 OR t.delta_units <> 0)
    )
    INSERT INTO webhook_deliveries (id, "webhookId", "recordId", "eventType", payload, status, attempts, "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid(), r.webhook_id, r.record_id, ${USAGE_RECORDED},
           jsonb_build_object(
             'specversion', '1.0', 'id', r.record_id, 'source', ${source}::text, 'type', ${USAGE_RECORDED}::text,
             'subject', r.app_slug, 'time', r.window_end, 'datacontenttype', 'application/json',
             'data', jsonb_build_object(
               'subscriptionId', r."subscriptionId", 'app', r.app_slug, 'api', r.api_slug, 'apiId', r."apiId"::text,
               'route', r."routeKey", 'plan', r.plan_slug, 'windowStart', r.window_start, 'windowEnd', r.window_end,
               'requests', r.delta_requests, 'units', r.delta_units, 'errors', r.delta_errors,
               'correction', r.n > 0)),
           'pending', 0, ${sqlUtc(now)}, ${sqlUtc(now)}
    FROM sendable r
    ON CONFLICT ("webhookId", "recordId") DO NOTHING`;
}
