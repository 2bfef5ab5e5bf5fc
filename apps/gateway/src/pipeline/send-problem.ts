import type { ServerResponse } from 'node:http';
import { isTollgateError, PROBLEM_CONTENT_TYPE, toProblem } from '@tollgate/errors';

/** Writes an error as application/problem+json (RFC 9457). Nothing internal reaches the body. */
export function sendProblem(res: ServerResponse, error: unknown, requestId: string): void {
  const problem = toProblem(error, requestId || undefined);
  const body = JSON.stringify(problem);
  const headers: Record<string, string | number> = {
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  };
  if (requestId) headers['x-request-id'] = requestId;
  if (isTollgateError(error) && error.headers) Object.assign(headers, error.headers);
  res.writeHead(problem.status, headers);
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}
