import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { TollgateError } from '@tollgate/errors';
import { developerPrincipal, runOperation, type Operation } from '@tollgate/operations';
import { dbClient } from '@/server/db';
import { clientAddress } from './api/authenticate-request';
import { problemResponse } from './api/problem-response';
import { getSessionUser } from './auth/get-session-user';

export interface DeveloperRouteContext<TParams> {
  url: URL;
  params: TParams;
  /** runOperation as the signed-in developer: the operation scopes every read to their teams. */
  run<TInput extends z.ZodType, TResult>(operation: Operation<TInput, TResult>, input: unknown): Promise<TResult>;
}

type RouteContext<TParams> = { params: Promise<TParams> };

/**
 * The portal's route handlers for signed-in people (downloads): the session's developer
 * principal, a request id, and problem+json for every error (401 without a session, 404 for
 * another team's record, 400 invalid_params for bad query parameters).
 */
export function developerRoute<TParams = Record<string, never>>(handler: (ctx: DeveloperRouteContext<TParams>) => Promise<Response>) {
  return async (request: Request, context: RouteContext<TParams>): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const user = await getSessionUser();
      if (!user) throw new TollgateError('unauthorized', { detail: 'Sign in to download this.' });
      const ip = clientAddress(request);
      const principal = developerPrincipal(user, ip);
      const db = dbClient();
      const response = await handler({
        url: new URL(request.url),
        params: await context.params,
        run: (operation, input) => runOperation(db, principal, operation, input, { requestId, ...(ip ? { ip } : {}) }),
      });
      response.headers.set('X-Request-Id', requestId);
      response.headers.set('Cache-Control', 'private, no-store');
      return response;
    } catch (error) {
      return problemResponse(error, requestId);
    }
  };
}

/** A file the browser saves under `filename`. */
export function downloadResponse(body: string, contentType: string, filename: string): Response {
  return new Response(body, { headers: { 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${filename}"` } });
}
