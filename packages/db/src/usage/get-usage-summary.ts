import { emptyOutcomeCounts, isUsageOutcome, LATENCY_BUCKET_COUNT, latencyQuantile, type OutcomeCounts } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import type { Db } from '../client/create-db';

export interface UsageSummaryFilter {
  readonly appSlug?: string;
  readonly apiSlug?: string;
  /** Inclusive: rollup minutes at or after. */
  readonly from?: Date;
  /** Exclusive: rollup minutes before. */
  readonly to?: Date;
}

export interface UsageTotals {
  requests: number;
  units: number;
  errors: number;
  bytesIn: number;
  bytesOut: number;
}

export interface UsageSummary extends UsageTotals {
  from: string | null;
  to: string | null;
  app: string | null;
  api: string | null;
  /** Bucket upper bounds (ms) holding the quantile, from the rollups' histograms. */
  latencyMs: { avg: number | null; p50: number | null; p95: number | null; p99: number | null };
  byApi: Array<{ api: string } & UsageTotals>;
  byRoute: Array<{ api: string; route: string } & UsageTotals>;
  /** "2xx", "4xx", ... -> requests. */
  byStatusClass: Record<string, number>;
  /** Requests per outcome class (a limit's 429s apart from a quota's). */
  byOutcome: OutcomeCounts;
}

interface GroupRow {
  api: string;
  route: string;
  status_class: number;
  outcome: string;
  requests: bigint;
  units: bigint;
  errors: bigint;
  bytes_in: bigint;
  bytes_out: bigint;
  latency_sum: number;
  /** The group's latency histogram (LATENCY_BUCKET_COUNT buckets, null where no row had that bucket). */
  buckets: Array<bigint | null>;
}

/** A summary over a long period of a busy platform reads millions of rollup rows. */
const SUMMARY_TIMEOUT_MS = 120_000;

/** Bucket sums in the same pass as the totals: the rollups are read once. */
const BUCKET_SUMS = `ARRAY[${Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => `sum(r."latencyBuckets"[${i + 1}])`).join(', ')}]::bigint[]`;

/** What has been counted, read from the per-minute rollups (never from the raw request log). */
export async function getUsageSummary(db: Db, filter: UsageSummaryFilter = {}): Promise<UsageSummary> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.appSlug !== undefined) {
    const app = await db.app.findUnique({ where: { slug: filter.appSlug }, select: { id: true } });
    if (!app) throw new TollgateError('not_found', { detail: `no app with slug "${filter.appSlug}"` });
    params.push(app.id);
    where.push(`r."appId" = $${params.length}`);
  }
  if (filter.apiSlug !== undefined) {
    const api = await db.api.findUnique({ where: { slug: filter.apiSlug }, select: { id: true } });
    if (!api) throw new TollgateError('not_found', { detail: `no API with slug "${filter.apiSlug}"` });
    params.push(api.id);
    where.push(`r."apiId" = $${params.length}::uuid`);
  }
  if (filter.from !== undefined) {
    params.push(filter.from.toISOString());
    where.push(`r.minute >= $${params.length}::timestamp`);
  }
  if (filter.to !== undefined) {
    params.push(filter.to.toISOString());
    where.push(`r.minute < $${params.length}::timestamp`);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  // JIT compiling costs more than it saves on an aggregate that returns a handful of rows.
  const groups = await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL jit = off');
      return tx.$queryRawUnsafe<GroupRow[]>(
      `SELECT coalesce(a.slug, r."apiId"::text) AS api, r."routeKey" AS route, r."statusClass" AS status_class, r.outcome,
              sum(r.count)::bigint AS requests, sum(r.units)::bigint AS units, sum(r.errors)::bigint AS errors,
              sum(r."bytesIn")::bigint AS bytes_in, sum(r."bytesOut")::bigint AS bytes_out, sum(r."latencySumMs")::float8 AS latency_sum,
              ${BUCKET_SUMS} AS buckets
       FROM usage_rollups r LEFT JOIN apis a ON a.id = r."apiId" ${clause}
       GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
        ...params,
      );
    },
    { timeout: SUMMARY_TIMEOUT_MS },
  );
  const histogram = new Array<number>(LATENCY_BUCKET_COUNT).fill(0);
  for (const row of groups) row.buckets.forEach((n, i) => (histogram[i]! += Number(n ?? 0)));

  const total = totals();
  const byApi = new Map<string, { api: string } & UsageTotals>();
  const byRoute = new Map<string, { api: string; route: string } & UsageTotals>();
  const byStatusClass: Record<string, number> = {};
  const byOutcome = emptyOutcomeCounts();
  let latencySum = 0;
  for (const row of groups) {
    const add = (into: UsageTotals) => {
      into.requests += Number(row.requests);
      into.units += Number(row.units);
      into.errors += Number(row.errors);
      into.bytesIn += Number(row.bytes_in);
      into.bytesOut += Number(row.bytes_out);
    };
    add(total);
    latencySum += row.latency_sum;
    let api = byApi.get(row.api);
    if (!api) byApi.set(row.api, (api = { api: row.api, ...totals() }));
    add(api);
    const routeId = `${row.api}\n${row.route}`;
    let route = byRoute.get(routeId);
    if (!route) byRoute.set(routeId, (route = { api: row.api, route: row.route, ...totals() }));
    add(route);
    const statusClass = `${row.status_class}xx`;
    byStatusClass[statusClass] = (byStatusClass[statusClass] ?? 0) + Number(row.requests);
    if (isUsageOutcome(row.outcome)) byOutcome[row.outcome] += Number(row.requests);
  }
  return {
    from: filter.from?.toISOString() ?? null,
    to: filter.to?.toISOString() ?? null,
    app: filter.appSlug ?? null,
    api: filter.apiSlug ?? null,
    ...total,
    latencyMs: {
      avg: total.requests > 0 ? Math.round((latencySum / total.requests) * 1000) / 1000 : null,
      p50: latencyQuantile(histogram, 0.5),
      p95: latencyQuantile(histogram, 0.95),
      p99: latencyQuantile(histogram, 0.99),
    },
    byApi: [...byApi.values()],
    byRoute: [...byRoute.values()],
    byStatusClass,
    byOutcome,
  };
}

function totals(): UsageTotals {
  return { requests: 0, units: 0, errors: 0, bytesIn: 0, bytesOut: 0 };
}
