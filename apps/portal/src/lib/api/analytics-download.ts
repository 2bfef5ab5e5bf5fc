import { ANALYTICS_CSV_CHARTS, toInvalidParams } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { analyticsToCsv, type AnalyticsCsvChart, type AnalyticsReport } from '@tollgate/operations';
import { z } from 'zod';

const ZDownload = z.object({ format: z.enum(['json', 'csv']).default('json'), chart: z.enum(ANALYTICS_CSV_CHARTS).default('series') });

/** Splits `format` and `chart` off an analytics query string; the rest is the operation's input (it checks those). */
export function splitAnalyticsQuery(raw: Record<string, string>): { format: 'json' | 'csv'; chart: AnalyticsCsvChart; query: Record<string, string> } {
  const { format, chart, ...query } = raw;
  const parsed = ZDownload.safeParse({ format, chart });
  if (!parsed.success) throw new TollgateError('invalid_params', { invalidParams: toInvalidParams(parsed.error) });
  return { ...parsed.data, query };
}

/** One chart's data as a CSV download named after the chart and its range. */
export function analyticsCsvResponse(report: AnalyticsReport, chart: AnalyticsCsvChart): Response {
  const stamp = (iso: string) => iso.slice(0, 16).replace(/[-:]/g, '');
  const filename = `usage-${chart}-${stamp(report.from)}-${stamp(report.to)}.csv`;
  return new Response(analyticsToCsv(report, chart), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'private, no-store' },
  });
}
