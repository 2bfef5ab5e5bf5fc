import { randomUUID } from 'node:crypto';
import { TollgateError } from '@tollgate/errors';
import { problemResponse } from '@/lib/api/problem-response';
import { sessionAdminPrincipal } from '@/lib/safe-action';
import { dbClient } from '@/server/db';
import { importUploadedLog } from '@/server/discovery/import-uploaded-log';

/**
 * The console's log upload: the file as the raw body, streamed to disk and imported (see
 * POST /api/admin/v1/discovery/imports). Signed-in admins only, from this site's own pages;
 * proxy.ts leaves this path alone so the body reaches it whole.
 */
export async function POST(request: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    if (!sameOrigin(request)) throw new TollgateError('forbidden', { detail: 'Upload from the console.' });
    const principal = await sessionAdminPrincipal();
    const summary = await importUploadedLog(dbClient(), principal, request, { requestId, ...(principal.ip ? { ip: principal.ip } : {}) });
    return Response.json(summary, { status: 201, headers: { 'Cache-Control': 'no-store', 'X-Request-Id': requestId } });
  } catch (error) {
    return problemResponse(error, requestId);
  }
}

/** A browser says where a request comes from: only this site's pages may upload with the session cookie. */
function sameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = request.headers.get('origin');
  return origin !== null && new URL(origin).host === request.headers.get('host');
}
