import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { copySafeText } from '@tollgate/db';
import { usageOutcome } from '@tollgate/domain';
import type { GatewayContext } from '../../pipeline/context';
import { frameSpoolRecord, SPOOL_RECORD_VERSION } from '../../adapters/usage-sink/spool-record';
import type { FoldedEvent } from '../../adapters/usage-sink/usage-fold';

/** Status recorded when the client left before the response completed (as nginx). */
export const CLIENT_CLOSED = 499;
// The fields are a request_log COPY row: free text goes through copySafeText when it is written.
const MAX_PATH = 2_048;

/**
 * Billable units of one request: the route's weight when a subscription was resolved and
 * the gateway or the upstream served it, i.e. not for 5xx (our failure), 429 (refused by
 * the plan's limits) or 499 (the client left before the answer). Every request is still
 * logged and counted in the rollups, billable or not.
 */
export function billableUnits(ctx: GatewayContext, status: number): number {
  if (ctx.route === null || ctx.principal === null) return 0;
  if (status >= 500 || status === 429 || status === CLIENT_CLOSED) return 0;
  return ctx.route.weight;
}

/** The request's usage event as a framed spool line (compact, no JSON); it stands for one request (count 1). */
export function encodeUsageEvent(ctx: GatewayContext, status: number, bytesOut: number, gatewayId: string): string {
  const req = ctx.req;
  const route = ctx.route;
  const principal = ctx.principal;
  const subscription = principal?.subscription;
  const plan = ctx.plan ?? subscription?.plan;
  // The gateway id is cleaned once by the sink; ids (API, app, key, subscription, plan) are UUIDs.
  return frameSpoolRecord(
    `${SPOOL_RECORD_VERSION}\t${copySafeText(ctx.requestId || randomUUID())}\t${new Date().toISOString()}\t${gatewayId}\t${route?.api.id ?? ''}\t${copySafeText(route?.key ?? '')}\t` +
      `${principal?.app.id ?? ''}\t${principal?.key?.id ?? ''}\t${subscription?.id ?? ''}\t${plan?.id ?? ''}\t${copySafeText(req.method ?? 'GET')}\t${copySafeText(loggedPath(ctx))}\t` +
      `${status}\t${latencyMs(ctx)}\t${bytesIn(req)}\t${bytesOut}\t${billableUnits(ctx, status)}\t` +
      `${copySafeText(ctx.clientIp || req.socket.remoteAddress || '')}\t1\t${usageOutcome(status, ctx.problemCode)}\t${ctx.upstreamVersion ?? ''}`,
  );
}

/** The request as the sink folds it (a refused credential: no app, key or units). */
export function foldedUsageEvent(ctx: GatewayContext, status: number, bytesOut: number): FoldedEvent {
  const req = ctx.req;
  return {
    clientIp: copySafeText(ctx.clientIp || req.socket.remoteAddress || ''),
    apiId: ctx.route?.api.id ?? '',
    routeKey: copySafeText(ctx.route?.key ?? ''),
    status,
    outcome: usageOutcome(status, ctx.problemCode),
    method: copySafeText(req.method ?? 'GET'),
    path: copySafeText(loggedPath(ctx)),
    latencyMs: latencyMs(ctx),
    bytesIn: bytesIn(req),
    bytesOut,
  };
}

function loggedPath(ctx: GatewayContext): string {
  const path = ctx.path !== '' ? ctx.path : (ctx.req.url ?? '/').split('?', 1)[0] || '/';
  return path.length > MAX_PATH ? path.slice(0, MAX_PATH) : path;
}

function latencyMs(ctx: GatewayContext): number {
  return Math.round((performance.now() - ctx.startedAt) * 1000) / 1000;
}

/** The declared length; one PostgreSQL's bigint cannot hold (or no number at all) is recorded as 0. */
function bytesIn(req: IncomingMessage): number {
  const length = req.headers['content-length'];
  const bytes = length !== undefined ? Number(length) : 0;
  return Number.isSafeInteger(bytes) && bytes >= 0 ? bytes : 0;
}
