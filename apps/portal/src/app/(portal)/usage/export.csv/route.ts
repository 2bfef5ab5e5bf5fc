import { getUsage, usageReportToCsv } from '@tollgate/operations';
import { developerRoute, downloadResponse } from '@/lib/developer-route';

/** The usage view's data (range, app, key from the query) as CSV, through the same operation as the page. */
export const GET = developerRoute(async ({ url, run }) => {
  const query = Object.fromEntries(url.searchParams);
  const report = await run(getUsage, query);
  const name = ['usage', query.app, report.range].filter(Boolean).join('-');
  return downloadResponse(usageReportToCsv(report), 'text/csv; charset=utf-8', `${name}.csv`);
});
