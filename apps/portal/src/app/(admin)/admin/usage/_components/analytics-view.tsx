import { REQUEST_LOG_MAX_SPAN_MS, type TUsageRange } from '@tollgate/contracts';
import { isTollgateError } from '@tollgate/errors';
import { getAnalytics, type AnalyticsReport } from '@tollgate/operations';
import { Button, Card, EmptyState, ErrorState, PageHeader } from '@tollgate/ui';
import { Download } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { LatencyChart } from '@/components/charts/latency-chart';
import { bucketName } from '@/components/usage/bucket-name';
import { OutcomeChart } from '@/components/usage/outcome-chart';
import { describeOutcomes, outcomeSeries } from '@/components/usage/outcome-series';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { formatInstant } from '../../_components/format-age';
import { AnalyticsFilters } from './analytics-filters';
import { analyticsQuery, type AnalyticsView as View } from './analytics-search-params';
import type { AnalyticsFormField } from './analytics-filter-form';
import { FigureCards } from './figure-cards';
import { RangeButtons } from './range-buttons';
import { TopTables } from './top-tables';
import { UpstreamHealthCard } from './upstream-health-card';

const RANGE_NAMES: Record<TUsageRange | 'custom', string> = {
  '15m': 'the last 15 minutes',
  '1h': 'the last hour',
  '24h': 'the last 24 hours',
  '7d': 'the last 7 days',
  '30d': 'the last 30 days',
  custom: 'this range',
};
const PREVIOUS_NAMES: Record<TUsageRange | 'custom', string> = {
  '15m': 'the 15 minutes before',
  '1h': 'the hour before',
  '24h': 'the 24 hours before',
  '7d': 'the 7 days before',
  '30d': 'the 30 days before',
  custom: 'the same span before',
};

export interface AnalyticsViewProps {
  title: string;
  description: string;
  /** Where this page lives, for the sign-in redirect. */
  path: string;
  view: View;
  /** The dimension the page is about (an API's or an app's page), fixed in the query and hidden from the filters. */
  fixed?: { field: AnalyticsFormField; value: string };
  back?: ReactNode;
}

async function readReport(query: Record<string, string>, path: string): Promise<AnalyticsReport | { problem: string }> {
  try {
    return await readAsAdmin(getAnalytics, query, path);
  } catch (error) {
    // A hand-edited URL (a bad range, an unknown slug) is the reader's to fix, not a failure of the page.
    if (isTollgateError(error) && error.code === 'invalid_params') return { problem: `Check ${error.invalidParams?.map((param) => `${param.name} (${param.reason})`).join(', ') || 'the filters'} in the address.` };
    if (isTollgateError(error) && error.code === 'not_found') return { problem: error.detail ?? 'A filter names something that does not exist.' };
    throw error;
  }
}

/** One analytics dashboard: figures with their change, calls by outcome, latency, and the top tables, under the URL's filters. */
export async function AnalyticsView({ title, description, path, view, fixed, back }: AnalyticsViewProps) {
  const query = { ...analyticsQuery(view), ...(fixed ? { [fixed.field]: fixed.value } : {}) };
  const report = await readReport(query, path);
  const rangeQuery = new URLSearchParams(Object.entries(query).filter(([name]) => ['range', 'from', 'to'].includes(name))).toString();
  return (
    <div className="flex flex-col gap-6">
      {back}
      <PageHeader
        className="mb-0"
        title={title}
        description={description}
        actions={'problem' in report ? undefined : <RangeButtons current={report.range} />}
      />
      <AnalyticsFilters fixed={fixed?.field} />
      {'problem' in report ? (
        <ErrorState
          title="These filters cannot be read"
          action={
            <Button asChild variant="secondary">
              <Link href={path}>Clear the filters</Link>
            </Button>
          }
        >
          {report.problem}
        </ErrorState>
      ) : (
        <Dashboard report={report} query={query} rangeQuery={rangeQuery} />
      )}
      {fixed?.field === 'app' ? null : <UpstreamHealthCard api={query.api} path={path} />}
    </div>
  );
}

function Dashboard({ report, query, rangeQuery }: { report: AnalyticsReport; query: Record<string, string>; rangeQuery: string }) {
  const rangeName = RANGE_NAMES[report.range];
  const csv = `/admin/usage/export.csv?${new URLSearchParams(query)}`;
  const drillParams = Object.fromEntries(Object.entries(query).filter(([name]) => ['api', 'app', 'route', 'key', 'status', 'upstreamVersion'].includes(name)));
  const per = `per ${bucketName(report.bucketMs)}`;
  return (
    <>
      <p className="text-sm text-muted-foreground">
        From {formatInstant(report.from)} to before {formatInstant(report.to)}, {per}. Compared with {PREVIOUS_NAMES[report.range]}.
      </p>
      <FigureCards totals={report.totals} previous={report.previous.totals} periodName={PREVIOUS_NAMES[report.range]} />
      {report.totals.requests === 0 ? (
        <EmptyState title="No requests in this range">
          Nothing matched these filters in {rangeName}. Pick a longer range or clear a filter; calls show here within a minute of being made.
        </EmptyState>
      ) : (
        <>
          <Card
            title="Requests by outcome"
            description={`Stacked ${per} (UTC). Click a bar to open its requests in the request log.`}
            actions={
              <Button asChild variant="secondary" size="sm">
                <a href={csv} download>
                  <Download aria-hidden="true" /> Download CSV
                  <span className="sr-only"> of the chart data</span>
                </a>
              </Button>
            }
          >
            <div data-chart="requests">
              <OutcomeChart
                series={report.series}
                outcomes={outcomeSeries()}
                bucketMs={report.bucketMs}
                label={`Requests by outcome over ${rangeName}: ${describeOutcomes(report.totals)}`}
                drillDown={{ path: '/admin/request-log', params: drillParams }}
              />
            </div>
            <p className="mt-3 text-xs text-muted-foreground">
              <Link href={`/admin/request-log?${new URLSearchParams({ ...drillParams, ...requestLogSpan(report) })}`} className="text-primary underline-offset-4 hover:underline">
                Open these requests in the request log
                {report.to > report.from && Date.parse(report.to) - Date.parse(report.from) > REQUEST_LOG_MAX_SPAN_MS ? ' (its last 7 days)' : ''}
              </Link>
            </p>
          </Card>
          <Card title="Latency" description={`p50, p95 and p99 ${per}, from the merged latency histograms: each is the upper bound of the bucket that holds it.`}>
            <div data-chart="latency">
              <LatencyChart data={report.series} bucketMs={report.bucketMs} label={`Latency over ${rangeName}: p50 ${report.totals.latencyMs.p50 ?? 'none'} ms, p95 ${report.totals.latencyMs.p95 ?? 'none'} ms, p99 ${report.totals.latencyMs.p99 ?? 'none'} ms`} />
            </div>
          </Card>
          <TopTables report={report} query={rangeQuery} />
        </>
      )}
    </>
  );
}

/** The request log searches at most 7 days: the range's last 7 days. */
function requestLogSpan(report: AnalyticsReport): { from: string; to: string } {
  return { from: new Date(Math.max(Date.parse(report.from), Date.parse(report.to) - REQUEST_LOG_MAX_SPAN_MS)).toISOString(), to: report.to };
}
