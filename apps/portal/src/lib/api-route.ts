import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '@tollgate/db';
import { etagOf, runOperation, type Operation, type OperationMeta, type Principal } from '@tollgate/operations';
import { env } from '@/env';
import { dbClient } from '@/server/db';
import type { ApiReply } from './api/api-reply';
import { authenticateRequest, clientAddress } from './api/authenticate-request';
import { idempotency } from './api/idempotency';
import { problemResponse } from './api/problem-response';
import { parseJsonBody, readBodyText } from './api/read-json-body';

export interface ApiContext<TParams> {
  request: Request;
  url: URL;
  params: TParams;
  principal: Principal;
  db: Db;
  meta: OperationMeta;
  /** The parsed JSON body (undefined when empty). */
  body: unknown;
  /** Query parameters, the last value of each. */
  query: Record<string, string>;
  /** runOperation with this request's principal and meta. */
  run<TInput extends z.ZodType, TResult>(operation: Operation<TInput, TResult>, input: unknown): Promise<TResult>;
}

/** A handler answers JSON (ApiReply), or a whole Response for a download. */
type Handler<TParams> = (ctx: ApiContext<TParams>) => Promise<ApiReply | Response>;
type RouteContext<TParams> = { params: Promise<TParams> };

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The admin API's one route wrapper: request id, bearer authentication, body (size-capped
 * JSON), Idempotency-Key on POST, ETag on replies, and problem+json for every error.
 * Handlers stay business logic: they call operations and say what to answer.
 */
export function apiRoute<TParams = Record<string, never>>(
  handler: Handler<TParams>,
  options: {
    auth?: boolean;
    /** Body cap when a resource takes more than the default 1 MiB (config files). */
    maxBodyBytes?: number;
    /** The handler reads `request.body` itself (file uploads): no JSON body, no Idempotency-Key replay. */
    streamBody?: boolean;
  } = {},
) {
  return async (request: Request, context: RouteContext<TParams>): Promise<Response> => {
    const given = request.headers.get('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    try {
      const db = dbClient();
      const principal = options.auth === false ? undefined : await authenticateRequest(db, request, env.ADMIN_TOKEN);
      const text = request.method === 'GET' || request.method === 'HEAD' || options.streamBody ? '' : await readBodyText(request, options.maxBodyBytes);
      const body = options.streamBody ? undefined : parseJsonBody(text, request.headers.get('content-type'));
      const url = new URL(request.url);
      const key = request.headers.get('idempotency-key');
      const reservation =
        request.method === 'POST' && key !== null && principal && !options.streamBody
          ? await idempotency.reserve(db, { principalId: principal.id, key, method: request.method, path: url.pathname, body: text })
          : undefined;
      if (reservation && 'replay' in reservation) {
        reservation.replay.headers.set('X-Request-Id', requestId);
        return reservation.replay;
      }
      const meta: OperationMeta = { requestId, ip: clientAddress(request), ifMatch: request.headers.get('if-match') ?? undefined };
      const response = await handle(handler, { request, url, params: await context.params, principal: principal!, db, meta, body, query: Object.fromEntries(url.searchParams), run: (operation, input) => runOperation(db, principal!, operation, input, meta) }).catch((error: unknown) => problemResponse(error, requestId));
      if (reservation) await idempotency.finish(db, reservation.id, response);
      response.headers.set('X-Request-Id', requestId);
      return response;
    } catch (error) {
      return problemResponse(error, requestId);
    }
  };
}

async function handle<TParams>(handler: Handler<TParams>, ctx: ApiContext<TParams>): Promise<Response> {
  const reply = await handler(ctx);
  if (reply instanceof Response) return reply;
  const headers = new Headers({ 'Cache-Control': 'no-store', ...reply.headers });
  if (reply.body === undefined) return new Response(null, { status: reply.status ?? 204, headers });
  headers.set('Content-Type', 'application/json');
  if (reply.etag) headers.set('ETag', etagOf(reply.body));
  return new Response(JSON.stringify(reply.body), { status: reply.status ?? 200, headers });
}
