import type { ANALYTICS_CSV_CHARTS } from '@tollgate/contracts';
import { toCsv } from '@tollgate/db';
import type { AnalyticsTopRow } from './analytics-top';
import type { AnalyticsReport } from './read-analytics';
import { USAGE_OUTCOMES } from '@tollgate/domain';

export type AnalyticsCsvChart = (typeof ANALYTICS_CSV_CHARTS)[number];

const TOP_COLUMNS = ['requests', 'errors', 'errorRate', 'p50', 'p95', 'p99'] as const;
const topCells = (row: AnalyticsTopRow) => [row.requests, row.errors, row.errorRate ?? '', row.latencyMs.p50 ?? '', row.latencyMs.p95 ?? '', row.latencyMs.p99 ?? ''];

/** One chart of a dashboard as CSV: the series (a row per bucket, the outcomes and percentiles as columns) or a top table. */
export function analyticsToCsv(report: AnalyticsReport, chart: AnalyticsCsvChart = 'series'): string {
  switch (chart) {
    case 'series':
      return toCsv(
        ['start', ...USAGE_OUTCOMES, 'requests', 'units', 'p50', 'p95', 'p99'],
        report.series.map((point) => [point.start, ...USAGE_OUTCOMES.map((outcome) => point[outcome]), point.requests, point.units, point.latencyMs.p50 ?? '', point.latencyMs.p95 ?? '', point.latencyMs.p99 ?? '']),
      );
    case 'apis':
      return toCsv(['api', 'name', ...TOP_COLUMNS], report.topApis.map((row) => [row.api, row.name, ...topCells(row)]));
    case 'routes':
      return toCsv(['api', 'route', ...TOP_COLUMNS], report.topRoutes.map((row) => [row.api, row.route, ...topCells(row)]));
    case 'apps':
      return toCsv(['app', 'name', 'team', ...TOP_COLUMNS], report.topApps.map((row) => [row.app, row.name, row.team, ...topCells(row)]));
    case 'teams':
      return toCsv(['team', 'name', ...TOP_COLUMNS], report.topTeams.map((row) => [row.team, row.name, ...topCells(row)]));
    case 'upstreamVersions':
      return toCsv(['api', 'upstreamVersion', ...TOP_COLUMNS], report.topUpstreamVersions.map((row) => [row.api, row.upstreamVersion, ...topCells(row)]));
    case 'statusClasses':
      return toCsv(['statusClass', 'requests'], report.statusClasses.map((row) => [row.statusClass, row.requests]));
  }
}
