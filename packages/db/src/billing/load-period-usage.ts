import type { UsageLine } from '@tollgate/domain';
import type { Db } from '../client/create-db';
import type { Prisma } from '../generated/prisma/client';
import { sqlUtc } from './sql-time';

type Client = Db | Prisma.TransactionClient;

interface Row {
  apiId: string;
  apiSlug: string | null;
  routeKey: string;
  weight: number | null;
  requests: bigint;
  units: bigint;
}

const floorMinute = (instant: Date) => new Date(Math.floor(instant.getTime() / 60_000) * 60_000);

/**
 * A subscription's metered usage in [start, end) from the per-minute rollups, one line
 * per API, route and route weight (the weight of a rollup row is units / count).
 * Rollups are per minute, so both bounds are floored to the minute: a period whose
 * anchor is 12:00:35 takes the whole 12:00 minute, and every minute belongs to exactly
 * one period.
 */
export async function loadPeriodUsage(db: Client, subscriptionId: string, start: Date, end: Date): Promise<UsageLine[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT r."apiId"::text AS "apiId", a.slug AS "apiSlug", r."routeKey",
           w.weight, sum(r.count)::bigint AS requests, sum(r.units)::bigint AS units
    FROM usage_rollups r
    LEFT JOIN apis a ON a.id = r."apiId"
    CROSS JOIN LATERAL (
      SELECT CASE WHEN r.count > 0 AND r.units % r.count = 0 THEN (r.units / r.count)::int END AS weight
    ) w
    WHERE r."subscriptionId" = ${subscriptionId}
      AND r.minute >= ${sqlUtc(floorMinute(start))} AND r.minute < ${sqlUtc(floorMinute(end))}
    GROUP BY r."apiId", a.slug, r."routeKey", w.weight
    HAVING sum(r.count) > 0 OR sum(r.units) > 0`;
  return rows.map((row) => ({ ...row, requests: BigInt(row.requests), units: BigInt(row.units) }));
}

export interface PeriodRequest {
  subscriptionId: string;
  start: Date;
  end: Date;
}

/** The same as loadPeriodUsage for many subscriptions (each with its own period) in one query. */
export async function loadUsageForPeriods(db: Client, requests: PeriodRequest[]): Promise<Map<string, UsageLine[]>> {
  const result = new Map<string, UsageLine[]>(requests.map((request) => [request.subscriptionId, []]));
  if (requests.length === 0) return result;
  const rows = await db.$queryRaw<(Row & { subscriptionId: string })[]>`
    SELECT p.sub AS "subscriptionId", r."apiId"::text AS "apiId", a.slug AS "apiSlug", r."routeKey",
           w.weight, sum(r.count)::bigint AS requests, sum(r.units)::bigint AS units
    FROM unnest(${requests.map((request) => request.subscriptionId)}::text[],
                ${requests.map((request) => floorMinute(request.start).toISOString())}::timestamptz[],
                ${requests.map((request) => floorMinute(request.end).toISOString())}::timestamptz[]) AS p(sub, start_at, end_at)
    JOIN usage_rollups r ON r."subscriptionId" = p.sub
      AND r.minute >= (p.start_at AT TIME ZONE 'UTC') AND r.minute < (p.end_at AT TIME ZONE 'UTC')
    LEFT JOIN apis a ON a.id = r."apiId"
    CROSS JOIN LATERAL (
      SELECT CASE WHEN r.count > 0 AND r.units % r.count = 0 THEN (r.units / r.count)::int END AS weight
    ) w
    GROUP BY p.sub, r."apiId", a.slug, r."routeKey", w.weight
    HAVING sum(r.count) > 0 OR sum(r.units) > 0`;
  for (const { subscriptionId, ...row } of rows) {
    result.get(subscriptionId)?.push({ ...row, requests: BigInt(row.requests), units: BigInt(row.units) });
  }
  return result;
}
