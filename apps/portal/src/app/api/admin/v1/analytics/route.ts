import { getAnalytics } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { analyticsCsvResponse, splitAnalyticsQuery } from '@/lib/api/analytics-download';

/** The dashboard for a range and filters as JSON; `format=csv` answers one chart's data (`chart`, the series by default). */
export const GET = apiRoute(async (ctx) => {
  const { format, chart, query } = splitAnalyticsQuery(ctx.query);
  const report = await ctx.run(getAnalytics, query);
  return format === 'csv' ? analyticsCsvResponse(report, chart) : { body: report };
});
