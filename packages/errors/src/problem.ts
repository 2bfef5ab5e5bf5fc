import { ERROR_CODES, problemType, type ErrorCode } from './codes';
import { isTollgateError, type InvalidParam } from './tollgate-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, as Tollgate sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  requestId?: string;
  invalid_params?: InvalidParam[];
  [extension: string]: unknown;
}

/**
 * Turns anything thrown into a problem a caller may see. Unknown errors become a bare
 * 500: their message and stack stay in the logs.
 */
export function toProblem(error: unknown, requestId?: string): Problem {
  if (!isTollgateError(error)) {
    return buildProblem('internal_error', ERROR_CODES.internal_error.title, requestId);
  }
  const problem = buildProblem(error.code, error.detail, requestId);
  if (error.invalidParams?.length) problem.invalid_params = error.invalidParams;
  return error.extensions ? { ...publicExtensions(error.extensions), ...problem } : problem;
}

/** Members only the encoder sets: an extension never stands in for one that is absent. */
const RESERVED_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'code', 'requestId', 'invalid_params', 'instance']);

function publicExtensions(extensions: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extensions).filter(([name]) => !RESERVED_MEMBERS.has(name)));
}

export function buildProblem(code: ErrorCode, detail: string, requestId?: string): Problem {
  const { status, title } = ERROR_CODES[code];
  const problem: Problem = { type: problemType(code), title, status, detail, code };
  if (requestId) problem.requestId = requestId;
  return problem;
}
