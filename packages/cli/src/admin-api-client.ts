import { isErrorCode, TollgateError, type InvalidParam } from '@tollgate/errors';
import type { AdminApiTarget } from './cli-env';

interface Problem {
  code?: string;
  detail?: string;
  invalid_params?: InvalidParam[];
}

/** One call to the admin API; a problem+json answer becomes the TollgateError it describes. */
export async function callAdminApi<T>(target: AdminApiTarget, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${target.url}/api/admin/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${target.token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new TollgateError('bad_request', { detail: `cannot reach the admin API at ${target.url} (${(error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message}); check TOLLGATE_URL` });
  }
  const text = await response.text();
  const parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
  if (response.ok) return parsed as T;
  const problem = (parsed ?? {}) as Problem;
  const code = isErrorCode(problem.code) ? problem.code : response.status === 401 ? 'unauthorized' : response.status === 403 ? 'forbidden' : 'internal_error';
  throw new TollgateError(code, { detail: problem.detail ?? `the admin API answered ${response.status}`, invalidParams: problem.invalid_params });
}
