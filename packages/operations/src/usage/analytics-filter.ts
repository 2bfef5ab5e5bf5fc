import type { TAnalyticsFilter } from '@tollgate/contracts';
import { Prisma } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';
import type { Principal } from '../core/principal';
import { analyticsExclusionSql, type AnalyticsExclusions } from './analytics-exclusions';
import { resolveUsageScope, type UsageScope } from './usage-scope';

export const NO_EXCLUSIONS: AnalyticsExclusions = Object.freeze({ appIds: [], keyIds: [] }) as AnalyticsExclusions;

/** A dashboard's filters as ids, inside the caller's scope. */
export interface AnalyticsFilter {
  /** The apps the caller may read (every app for admins), narrowed to `app` when given. */
  scope: UsageScope;
  apiId: string | null;
  routeKey: string | null;
  planId: string | null;
  /** Every key showing the asked prefix, within the scope. */
  keyIds: string[] | null;
  /** status / 100. */
  statusClass: number | null;
  /** The upstream version a traffic split chose. */
  upstreamVersion: string | null;
  /** Apps and keys an admin left out of the charts. */
  excluded: AnalyticsExclusions;
}

const notFound = (what: string, value: string) => new TollgateError('not_found', { detail: `No ${what} "${value}".` });

/**
 * Resolves slugs and the key prefix to ids. A developer reaches their teams' apps only; an app,
 * key, API or plan that does not exist (or an app or key of another team) is not_found.
 */
export async function resolveAnalyticsFilter(tx: Tx, principal: Principal, filter: TAnalyticsFilter, excluded: AnalyticsExclusions = NO_EXCLUSIONS): Promise<AnalyticsFilter> {
  const scope = await resolveUsageScope(tx, principal, filter.app === undefined ? {} : { app: filter.app });
  const [api, plan, keys] = await Promise.all([
    filter.api === undefined ? null : tx.api.findUnique({ where: { slug: filter.api }, select: { id: true } }),
    filter.plan === undefined ? null : tx.plan.findUnique({ where: { slug: filter.plan }, select: { id: true } }),
    filter.key === undefined ? null : tx.apiKey.findMany({ where: { prefix: filter.key, ...(scope.appIds === null ? {} : { appId: { in: scope.appIds } }) }, select: { id: true } }),
  ]);
  if (filter.api !== undefined && !api) throw notFound('API with slug', filter.api);
  if (filter.plan !== undefined && !plan) throw notFound('plan with slug', filter.plan);
  if (filter.key !== undefined && keys?.length === 0) throw notFound('key with prefix', filter.key);
  return {
    scope,
    apiId: api?.id ?? null,
    routeKey: filter.route ?? null,
    planId: plan?.id ?? null,
    keyIds: keys?.map((key) => key.id) ?? null,
    statusClass: filter.status === undefined ? null : Number(filter.status[0]),
    upstreamVersion: filter.upstreamVersion ?? null,
    excluded,
  };
}

/** The filters beyond the scope as a condition on the rollup rows `r` (PostgreSQL pushes it into each level's scan). */
export function analyticsWhere(filter: AnalyticsFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.apiId !== null) conditions.push(Prisma.sql`r."apiId" = ${filter.apiId}::uuid`);
  if (filter.routeKey !== null) conditions.push(Prisma.sql`r."routeKey" = ${filter.routeKey}`);
  if (filter.planId !== null) conditions.push(Prisma.sql`r."planId" = ${filter.planId}`);
  if (filter.keyIds !== null) conditions.push(Prisma.sql`r."keyId" = ANY(${filter.keyIds}::text[])`);
  if (filter.statusClass !== null) conditions.push(Prisma.sql`r."statusClass" = ${filter.statusClass}`);
  if (filter.upstreamVersion !== null) conditions.push(Prisma.sql`r."upstreamVersion" = ${filter.upstreamVersion}`);
  const excluded = analyticsExclusionSql(filter.excluded, 'r');
  if (excluded !== null) conditions.push(excluded);
  return conditions.length === 0 ? Prisma.empty : Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`;
}
