import type { TStatusClass } from '@tollgate/contracts';
import { LATENCY_BUCKET_COUNT } from '@tollgate/domain';
import type { Prisma } from '@tollgate/db';
import type { Tx } from '../core/define-operation';
import { latencyPercentiles, type LatencyPercentiles } from './latency-percentiles';
import { addHistogram, histogramOf, LATENCY_BUCKET_SUMS } from './rollup-sql';

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
export type TopUpstreamVersion = AnalyticsTopRow & { api: string; upstreamVersion: string };

export interface AnalyticsBreakdown {
  topApis: TopApi[];
  topRoutes: TopRoute[];
  topApps: TopApp[];
  topTeams: TopTeam[];
  /** Per API and the upstream version its traffic split chose, to set a canary beside stable. */
  topUpstreamVersions: TopUpstreamVersion[];
  /** Calls per status class (what the rollups hold of the status), most first. */
  statusClasses: Array<{ statusClass: TStatusClass; requests: number }>;
}

const TOP = 10;

/** The window's calls per API, route, app, status class and upstream version: every table below is a sum of these groups. */
interface GroupRow {
  api_id: string;
  route: string;
  app_id: string;
  status_class: number;
  upstream_version: string;
  requests: bigint;
  errors: bigint | null;
  buckets: ReadonlyArray<bigint | number | null>;
}

/** One row of a table while it is summed: its labels, calls, errors and merged histogram. */
interface Tally<Labels> {
  labels: Labels;
  requests: number;
  errors: number;
  histogram: number[];
}

/**
 * The busiest APIs, routes, apps, teams and upstream versions (calls, errors that were not a
 * success, percentiles from the merged histograms) and the calls per status class, from one
 * scan of the window's rows grouped by API, route, app, status class and upstream version:
 * each table is summed from those groups here instead of scanning the rows once per table.
 * Calls without an app (refused credentials) are in no app or team row; calls of an API
 * without a traffic split are in no version row.
 */
export async function readBreakdown(tx: Tx, rows: Prisma.Sql, where: Prisma.Sql): Promise<AnalyticsBreakdown> {
  const groups = await tx.$queryRaw<GroupRow[]>`
    SELECT r."apiId"::text AS api_id, r."routeKey" AS route, r."appId" AS app_id, r."statusClass" AS status_class, r."upstreamVersion" AS upstream_version,
           sum(r.count)::bigint AS requests, (sum(r.count) FILTER (WHERE r.outcome <> 'success'))::bigint AS errors,
           ${LATENCY_BUCKET_SUMS} AS buckets
    FROM ${rows} ${where}
    GROUP BY 1, 2, 3, 4, 5`;
  const apiIds = [...new Set(groups.map((group) => group.api_id))];
  const appIds = [...new Set(groups.map((group) => group.app_id).filter((id) => id !== ''))];
  const [apis, apps] = await Promise.all([
    apiIds.length === 0 ? [] : tx.api.findMany({ where: { id: { in: apiIds } }, select: { id: true, slug: true, name: true } }),
    appIds.length === 0 ? [] : tx.app.findMany({ where: { id: { in: appIds } }, select: { id: true, slug: true, name: true, team: { select: { slug: true, name: true } } } }),
  ]);
  const apiById = new Map(apis.map((api) => [api.id, api]));
  const appById = new Map(apps.map((app) => [app.id, app]));

  const byApi = new Map<string, Tally<{ api: string; name: string }>>();
  const byRoute = new Map<string, Tally<{ api: string; route: string }>>();
  const byApp = new Map<string, Tally<{ app: string; name: string; team: string }>>();
  const byTeam = new Map<string, Tally<{ team: string; name: string }>>();
  const byVersion = new Map<string, Tally<{ api: string; upstreamVersion: string }>>();
  const byStatusClass = new Map<number, number>();
  for (const group of groups) {
    const requests = Number(group.requests);
    const errors = Number(group.errors ?? 0);
    const histogram = histogramOf(group.buckets);
    const api = apiById.get(group.api_id);
    const apiSlug = api?.slug ?? group.api_id;
    tally(byApi, apiSlug, { api: apiSlug, name: api?.name ?? group.api_id }, requests, errors, histogram);
    tally(byRoute, `${apiSlug}\n${group.route}`, { api: apiSlug, route: group.route }, requests, errors, histogram);
    const app = appById.get(group.app_id);
    if (app) {
      tally(byApp, app.slug, { app: app.slug, name: app.name, team: app.team.slug }, requests, errors, histogram);
      tally(byTeam, app.team.slug, { team: app.team.slug, name: app.team.name }, requests, errors, histogram);
    }
    if (group.upstream_version !== '') {
      tally(byVersion, `${apiSlug}\n${group.upstream_version}`, { api: apiSlug, upstreamVersion: group.upstream_version }, requests, errors, histogram);
    }
    byStatusClass.set(group.status_class, (byStatusClass.get(group.status_class) ?? 0) + requests);
  }
  return {
    topApis: top(byApi, (labels) => [labels.api, labels.name]),
    topRoutes: top(byRoute, (labels) => [labels.api, labels.route]),
    topApps: top(byApp, (labels) => [labels.app, labels.name]),
    topTeams: top(byTeam, (labels) => [labels.team, labels.name]),
    topUpstreamVersions: top(byVersion, (labels) => [labels.api, labels.upstreamVersion]),
    statusClasses: [...byStatusClass]
      .sort(([classA, a], [classB, b]) => b - a || classA - classB)
      .map(([statusClass, requests]) => ({ statusClass: `${statusClass}xx` as TStatusClass, requests })),
  };
}

function tally<Labels>(into: Map<string, Tally<Labels>>, key: string, labels: Labels, requests: number, errors: number, histogram: readonly number[]): void {
  let row = into.get(key);
  if (row === undefined) into.set(key, (row = { labels, requests: 0, errors: 0, histogram: new Array<number>(LATENCY_BUCKET_COUNT).fill(0) }));
  row.requests += requests;
  row.errors += errors;
  addHistogram(row.histogram, histogram);
}

/** The TOP busiest rows, most calls first, ties by their labels. */
function top<Labels>(rows: Map<string, Tally<Labels>>, order: (labels: Labels) => string[]): Array<Labels & AnalyticsTopRow> {
  return [...rows.values()]
    .sort((a, b) => b.requests - a.requests || compareLabels(order(a.labels), order(b.labels)))
    .slice(0, TOP)
    .map(({ labels, requests, errors, histogram }) => ({
      ...labels,
      requests,
      errors,
      errorRate: requests === 0 ? null : errors / requests,
      latencyMs: latencyPercentiles(histogram),
    }));
}

function compareLabels(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}
