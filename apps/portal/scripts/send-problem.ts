import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { buildProblem, PROBLEM_CONTENT_TYPE, type ErrorCode } from '@tollgate/errors';

/** Answers with RFC 9457 problem+json from the portal server itself. */
export function sendProblem(res: ServerResponse, code: ErrorCode, detail: string, headers: Record<string, string> = {}): void {
  const problem = buildProblem(code, detail, randomUUID());
  const body = JSON.stringify(problem);
  res.writeHead(problem.status, {
    ...headers,
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}
