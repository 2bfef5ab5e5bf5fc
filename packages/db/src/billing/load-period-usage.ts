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
