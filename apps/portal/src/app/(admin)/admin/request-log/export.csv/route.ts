import { randomUUID } from 'node:crypto';
import { REQUEST_LOG_EXPORT_MAX_ROWS } from '@tollgate/contracts';
import { exportRequestLog, REQUEST_LOG_CSV_HEADER, requestLogCsvLines, runOperation } from '@tollgate/operations';
import { problemResponse } from '@/lib/api/problem-response';
import { sessionAdminPrincipal } from '@/lib/safe-action';
import { dbClient } from '@/server/db';

const stamp = (iso: string) => iso.slice(0, 16).replace(/[-:]/g, '');

/**
 * The request log's current filter (the console's query string) as CSV, newest first, streamed a
 * chunk of rows at a time and capped at REQUEST_LOG_EXPORT_MAX_ROWS rows. Signed-in admins only;
 * a bad filter is problem+json with invalid_params.
 */
export async function GET(request: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    const principal = await sessionAdminPrincipal();
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const exported = await runOperation(dbClient(), principal, exportRequestLog, query, { requestId, ...(principal.ip ? { ip: principal.ip } : {}) });
    const chunks = exported.chunks[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(encoder.encode(REQUEST_LOG_CSV_HEADER)),
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(requestLogCsvLines(next.value)));
      },
      cancel: async () => void (await chunks.return?.()),
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="request-log-${stamp(exported.from)}-${stamp(exported.to)}.csv"`,
        'Cache-Control': 'private, no-store',
        'X-Request-Id': requestId,
        'X-Row-Limit': String(REQUEST_LOG_EXPORT_MAX_ROWS),
      },
    });
  } catch (error) {
    return problemResponse(error, requestId);
  }
}
