import { toCsv } from '@tollgate/db';
import type { UsageReport } from './get-usage';
import { USAGE_OUTCOMES } from '@tollgate/domain';

/** The chart's data as CSV: one row per bucket, the outcomes as columns (what the page shows). */
export function usageReportToCsv(report: UsageReport): string {
  const columns = ['start', ...USAGE_OUTCOMES, 'requests', 'units'] as const;
  return toCsv([...columns], report.series.map((point) => columns.map((column) => point[column])));
}
