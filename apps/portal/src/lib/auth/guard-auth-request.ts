import { isTollgateError, toProblem, TollgateError } from '@tollgate/errors';
import { NextRequest } from 'next/server';
import { problemResponse } from '@/lib/security/problem-response';
import { readAuthForm } from './read-auth-form';
import { validCallbackUrl } from './valid-callback-url';

function refuse(error: unknown, request: NextRequest): Response {
  const problem = toProblem(error);
  // A browser that followed a link with a broken callbackUrl gets the sign-in page, not JSON.
  if (request.method === 'GET' && problem.status === 400) return Response.redirect(new URL('/signin', request.url), 303);
  return problemResponse(problem.code, problem.detail);
}

/**
 * What next-auth's endpoints may see: a POST body read under a size cap and re-encoded as a
 * form, and a callbackUrl (query or body) that next-auth can parse. Anything else is
 * answered here (400, 413) instead of as an unhandled error inside next-auth.
 */
export async function guardAuthRequest(request: NextRequest): Promise<NextRequest | Response> {
  try {
    const fields = request.method === 'POST' ? await readAuthForm(request) : undefined;
    const callbackUrls = [...request.nextUrl.searchParams.getAll('callbackUrl'), ...(fields && 'callbackUrl' in fields ? [fields.callbackUrl] : [])];
    if (!callbackUrls.every(validCallbackUrl)) {
      throw new TollgateError('bad_request', { detail: 'callbackUrl must be a path on this site or an http(s) URL.' });
    }
    if (!fields) return request;
    const headers = new Headers(request.headers);
    headers.set('content-type', 'application/x-www-form-urlencoded');
    headers.delete('content-length');
    headers.delete('transfer-encoding');
    return new NextRequest(request.url, { method: 'POST', headers, body: new URLSearchParams(fields).toString() });
  } catch (error) {
    if (!isTollgateError(error)) throw error;
    return refuse(error, request);
  }
}
