import { randomUUID } from 'node:crypto';
import { getAnalytics, runOperation } from '@tollgate/operations';
import { analyticsCsvResponse, splitAnalyticsQuery } from '@/lib/api/analytics-download';
import { problemResponse } from '@/lib/api/problem-response';
import { sessionAdminPrincipal } from '@/lib/safe-action';
import { dbClient } from '@/server/db';

/** A dashboard chart's data (the console's query string; `chart` for a top table) as CSV. Signed-in admins only. */
export async function GET(request: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    const principal = await sessionAdminPrincipal();
    const { chart, query } = splitAnalyticsQuery(Object.fromEntries(new URL(request.url).searchParams));
    const report = await runOperation(dbClient(), principal, getAnalytics, query, { requestId, ...(principal.ip ? { ip: principal.ip } : {}) });
    const response = analyticsCsvResponse(report, chart);
    response.headers.set('X-Request-Id', requestId);
    return response;
  } catch (error) {
    return problemResponse(error, requestId);
  }
}
