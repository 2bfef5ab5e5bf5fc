import { Prisma } from '@tollgate/db';
import type { Tx } from '../core/define-operation';
import { latencyPercentiles, type LatencyPercentiles } from './latency-percentiles';
import { histogramOf, LATENCY_BUCKET_SUMS } from './rollup-sql';

export interface AnalyticsTopRow {
  requests: number;
  errors: number;
  errorRate: number | null;
  latencyMs: LatencyPercentiles;
}

export type TopApi = AnalyticsTopRow & { api: string; name: string };
export type TopRoute = AnalyticsTopRow & { api: string; route: string };
export type TopApp = AnalyticsTopRow & { app: string; name: string; team: string };
export type TopTeam = AnalyticsTopRow & { team: string; name: string };

const TOP = 10;

/** How each table groups the rows `r`: its label columns, the joins that name them, and rows it leaves out. */
const TABLES = {
  apis: {
    select: Prisma.sql`coalesce(a.slug, r."apiId"::text) AS api, coalesce(a.name, r."apiId"::text) AS name`,
    join: Prisma.sql`LEFT JOIN apis a ON a.id = r."apiId"`,
  },
  routes: {
    select: Prisma.sql`coalesce(a.slug, r."apiId"::text) AS api, r."routeKey" AS route`,
    join: Prisma.sql`LEFT JOIN apis a ON a.id = r."apiId"`,
  },
  apps: {
    select: Prisma.sql`p.slug AS app, p.name AS name, tm.slug AS team`,
    join: Prisma.sql`JOIN apps p ON p.id::text = r."appId" JOIN teams tm ON tm.id = p."teamId"`,
  },
  teams: {
    select: Prisma.sql`tm.slug AS team, tm.name AS name`,
    join: Prisma.sql`JOIN apps p ON p.id::text = r."appId" JOIN teams tm ON tm.id = p."teamId"`,
  },
} as const;

type TopTable = keyof typeof TABLES;
type Labels = { apis: TopApi; routes: TopRoute; apps: TopApp; teams: TopTeam };

/**
 * The busiest groups of `table`, most requests first: calls, errors (not a success) and p95 from
 * the merged histograms. Calls without an app (refused credentials) are in no app or team row.
 */
export async function readTop<T extends TopTable>(tx: Tx, table: T, rows: Prisma.Sql, where: Prisma.Sql): Promise<Array<Labels[T]>> {
  const { select, join } = TABLES[table];
  const grouped = await tx.$queryRaw<Array<Record<string, unknown> & { requests: bigint; errors: bigint; buckets: bigint[] }>>`
    SELECT ${select}, sum(r.count)::bigint AS requests, (sum(r.count) FILTER (WHERE r.outcome <> 'success'))::bigint AS errors,
           ${LATENCY_BUCKET_SUMS} AS buckets
    FROM ${rows} ${join} ${where}
    GROUP BY 1, 2${table === 'apps' ? Prisma.sql`, 3` : Prisma.empty}
    ORDER BY requests DESC, 1, 2 LIMIT ${TOP}`;
  return grouped.map(({ requests, errors, buckets, ...labels }) => {
    const calls = Number(requests);
    const failed = Number(errors ?? 0);
    return { ...labels, requests: calls, errors: failed, errorRate: calls === 0 ? null : failed / calls, latencyMs: latencyPercentiles(histogramOf(buckets)) } as Labels[T];
  });
}
