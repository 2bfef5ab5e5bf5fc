import { randomUUID } from 'node:crypto';
import { buildProblem, PROBLEM_CONTENT_TYPE, type ErrorCode } from '@tollgate/errors';

/** An RFC 9457 problem+json response for a request the portal refuses before any route runs. */
export function problemResponse(code: ErrorCode, detail: string, headers: Record<string, string> = {}): Response {
  const problem = buildProblem(code, detail, randomUUID());
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store', ...headers },
  });
}
