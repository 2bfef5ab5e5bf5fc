import { PROBLEM_CONTENT_TYPE, isTollgateError, toProblem } from '@tollgate/errors';

/**
 * The one place the admin API turns an error into a response: problem+json by the error's
 * `code`. Unknown errors are logged with the request id and answered as a bare 500.
 */
export function problemResponse(error: unknown, requestId: string): Response {
  if (!isTollgateError(error)) console.error(`admin api: request ${requestId} failed`, error);
  const problem = toProblem(error, requestId);
  const headers = new Headers({ 'Content-Type': PROBLEM_CONTENT_TYPE, 'X-Request-Id': requestId, 'Cache-Control': 'no-store' });
  if (isTollgateError(error)) for (const [name, value] of Object.entries(error.headers ?? {})) headers.set(name, value);
  if (problem.status === 401) headers.set('WWW-Authenticate', 'Bearer realm="tollgate-admin"');
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
}
