import { isTollgateError, TollgateError } from '@tollgate/errors';
import type { UpstreamBalancer } from '../../adapters/upstream/upstream-balancer';
import type { AdmissionPolicy } from '../../adapters/upstream/connection-admission';
import type { GatewayContext } from '../../pipeline/context';
import { fillCallTemplate, type CompiledTemplate, type TemplateSource } from './call-template';
import { ClientGone, clientGone, requestSignal, withTimeout } from './request-signal';
import { callUpstream, type CallCaller } from './upstream-call';

export interface CompiledCall {
  readonly name: string;
  /** The upstream the call goes to; null when the API it names has none (the call then fails with no_healthy_target). */
  readonly upstream: UpstreamBalancer | null;
  readonly path: CompiledTemplate;
  readonly query: readonly (readonly [string, CompiledTemplate])[];
  readonly timeoutMs: number;
  readonly optional: boolean;
}

export interface AggregateConfig {
  readonly kind: 'aggregate';
  readonly calls: readonly CompiledCall[];
  /** The route's deadline: every call is over by then. */
  readonly deadlineMs: number;
  readonly readsQuery: boolean;
  readonly admission: AdmissionPolicy;
  readonly maxAnswerBytes: number;
}

/** A call that did not give a JSON answer, as listed under `errors`. */
interface CallFailure {
  readonly call: string;
  readonly code: string;
  readonly detail: string;
  /** The upstream's status when it answered with one other than 2xx. */
  readonly status?: number;
}

/** A required call failed: the others are stopped (their outcome no longer matters). */
class Superseded extends Error {
  override readonly name = 'Superseded';
}

/**
 * Runs the calls in parallel and answers 200 with each JSON answer under its call's name.
 * A failed optional call leaves null and an entry in `errors`; the first failed required
 * call stops the others and the route answers 502 aggregate_call_failed naming it. The
 * client leaving, or the route's deadline, aborts every call in flight.
 */
export async function runAggregate(ctx: GatewayContext, config: AggregateConfig): Promise<void> {
  const watch = requestSignal(ctx, config.deadlineMs);
  const stop = new AbortController();
  const signal = AbortSignal.any([watch.signal, stop.signal]);
  const source: TemplateSource = { ctx, query: config.readsQuery ? new URLSearchParams(ctx.query) : null };
  const caller: CallCaller = { consumer: ctx.principal?.app.id ?? null, address: ctx.clientIp, admission: config.admission };
  const headers = callHeaders(ctx);
  const result: Record<string, unknown> = {};
  const errors: CallFailure[] = [];
  let required: CallFailure | null = null;
  try {
    await Promise.all(
      config.calls.map(async (call) => {
        try {
          result[call.name] = await callJson(call, source, headers, withTimeout(signal, call.timeoutMs), caller, config.maxAnswerBytes);
        } catch (error) {
          if (error instanceof Superseded || error instanceof ClientGone) return;
          const failure = describeFailure(call.name, error);
          result[call.name] = null;
          if (call.optional) errors.push(failure);
          else if (required === null) {
            required = failure;
            stop.abort(new Superseded('a required call failed'));
          }
        }
      }),
    );
  } finally {
    watch.done();
  }
  if (ctx.clientAborted) throw clientGone(ctx);
  if (required !== null) throw requiredCallFailed(required);
  const ordered: Record<string, unknown> = {};
  for (const call of config.calls) ordered[call.name] = result[call.name];
  if (errors.length > 0) ordered.errors = errors.sort((a, b) => config.calls.findIndex((call) => call.name === a.call) - config.calls.findIndex((call) => call.name === b.call));
  const body = JSON.stringify(ordered);
  ctx.res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'x-request-id': ctx.requestId });
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : body);
}

async function callJson(call: CompiledCall, source: TemplateSource, headers: string[], signal: AbortSignal, caller: CallCaller, maxAnswerBytes: number): Promise<unknown> {
  if (call.upstream === null) throw new TollgateError('no_healthy_target', { detail: 'The API this call names has no upstream target.' });
  let path = fillCallTemplate(call.path, source, true);
  const query = new URLSearchParams();
  for (const [name, template] of call.query) {
    const value = fillCallTemplate(template, source, false);
    if (value !== '') query.append(name, value);
  }
  if (query.size > 0) path += `?${query.toString()}`;
  const answer = await callUpstream(call.upstream, { method: 'GET', path, headers, body: null, signal, maxAnswerBytes }, caller);
  if (answer.status < 200 || answer.status > 299) {
    throw new TollgateError('upstream_failed', { detail: `The upstream answered ${answer.status}.`, extensions: { upstreamStatus: answer.status } });
  }
  if (answer.body.length === 0) return null;
  try {
    return JSON.parse(answer.body.toString('utf8')) as unknown;
  } catch {
    throw new TollgateError('upstream_failed', { detail: 'The upstream answered with a body that is not JSON.' });
  }
}

/** Only what the gateway says about the request: the client's own headers (cookies, credentials) stay with the route's own upstream. */
function callHeaders(ctx: GatewayContext): string[] {
  const headers = ['accept', 'application/json', 'x-request-id', ctx.requestId, 'x-forwarded-for', ctx.clientIp, 'via', '1.1 tollgate'];
  if (ctx.traceparent !== '') headers.push('traceparent', ctx.traceparent);
  if (ctx.principal !== null) headers.push('x-consumer-id', ctx.principal.app.slug);
  if (ctx.plan !== null) headers.push('x-plan', ctx.plan.slug);
  return headers;
}

function describeFailure(call: string, error: unknown): CallFailure {
  if (!isTollgateError(error)) return { call, code: 'internal_error', detail: 'The call failed inside the gateway.' };
  const status = error.extensions?.upstreamStatus;
  return { call, code: error.code, detail: error.detail, ...(typeof status === 'number' ? { status } : {}) };
}

function requiredCallFailed(failure: CallFailure): TollgateError {
  return new TollgateError('aggregate_call_failed', {
    detail: `The call "${failure.call}" failed: ${failure.detail}`,
    extensions: { call: failure.call, callCode: failure.code, ...(failure.status !== undefined ? { callStatus: failure.status } : {}) },
  });
}
