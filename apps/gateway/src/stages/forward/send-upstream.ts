import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { isTollgateError, TollgateError } from '@tollgate/errors';
import type { PendingAdmission } from '../../adapters/upstream/connection-admission';
import type { UpstreamBalancer } from '../../adapters/upstream/upstream-balancer';
import type { UpstreamTarget } from '../../adapters/upstream/upstream-target';
import type { GatewayContext } from '../../pipeline/context';
import { forwardHeaders } from './forward-headers';
import type { ForwardConfig } from './index';
import { ProxyHandler, type AttemptFailure } from './proxy-handler';
import type { RequestBody } from './request-body';
import { upstreamPath } from './upstream-path';

export function circuitOpen(): TollgateError {
  return new TollgateError('circuit_open', { detail: 'The upstream is failing; requests are paused for a moment.', headers: { 'retry-after': '1' } });
}

export function noHealthyTarget(): TollgateError {
  return new TollgateError('no_healthy_target', { detail: 'No upstream target is available to take the request.' });
}

/**
 * Sends the request to a target picked by the balancer, behind the upstream's breaker.
 * A failure before anything reached the client is retried on another target, with
 * exponential backoff, when the request is idempotent and its body can be sent again.
 * A request that fails while its body is still arriving closes the connection: the rest
 * of the body is never read.
 */
export async function sendUpstream(ctx: GatewayContext, config: ForwardConfig, balancer: UpstreamBalancer, body: RequestBody, idempotent: boolean): Promise<void> {
  try {
    await sendWithRetries(ctx, config, balancer, body, idempotent);
  } catch (error) {
    throw body.body instanceof Readable && !ctx.req.complete ? closingConnection(error, body.body) : error;
  }
}

async function sendWithRetries(ctx: GatewayContext, config: ForwardConfig, balancer: UpstreamBalancer, body: RequestBody, idempotent: boolean): Promise<void> {
  const breaker = balancer.state.breaker;
  const attempts = idempotent && body.replayable ? config.retries + 1 : 1;
  let tried: UpstreamTarget[] | undefined;
  for (let attempt = 1; ; attempt++) {
    const now = Date.now();
    const admission = breaker.admit(now);
    if (admission === 'refuse') throw circuitOpen();
    const target = balancer.pick(now, tried);
    if (target === undefined) {
      breaker.release(admission === 'probe');
      throw noHealthyTarget();
    }
    const failure = await attemptOnce(ctx, config, balancer, target, body, admission === 'probe');
    if (failure === null) return;
    if (!failure.retryable || attempt >= attempts || ctx.res.destroyed) throw failure.error;
    (tried ??= []).push(target);
    ctx.log.debug({ attempt, target: target.origin, code: failure.error.code }, 'retrying on another target');
    await sleep(config.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
  }
}

/**
 * One attempt: takes a connection slot of the target's pool (waiting a bounded time when
 * all are held), then dispatches. Refused admission (busy, over a client's share) is
 * neither a success nor a failure of the upstream: the breaker's probe is handed back.
 */
function attemptOnce(ctx: GatewayContext, config: ForwardConfig, balancer: UpstreamBalancer, target: UpstreamTarget, body: RequestBody, probe: boolean): Promise<AttemptFailure | null> {
  const consumer = ctx.principal?.app.id ?? null;
  let pending: PendingAdmission | null;
  try {
    pending = target.admission.acquire(consumer, ctx.clientIp, config.admission);
  } catch (error) {
    balancer.state.breaker.release(probe);
    return Promise.reject(error);
  }
  if (pending === null) return dispatch(ctx, config, balancer, target, body, probe, consumer);
  return waitForSlot(ctx, pending).then(
    (granted) => {
      // Granted: dispatch (the handler gives up at once if the client has left meanwhile).
      if (granted) return dispatch(ctx, config, balancer, target, body, probe, consumer);
      balancer.state.breaker.release(probe);
      return null;
    },
    (error: unknown) => {
      balancer.state.breaker.release(probe);
      throw error;
    },
  );
}

/** Resolves true once a slot is granted, false when the client left first (its place is given up, no slot held). */
function waitForSlot(ctx: GatewayContext, pending: PendingAdmission): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onClose = () => {
      if (ctx.res.writableFinished) return;
      ctx.clientAborted = true;
      pending.cancel();
      resolve(false);
    };
    ctx.res.once('close', onClose);
    pending.granted.then(
      () => {
        ctx.res.off('close', onClose);
        resolve(true);
      },
      (error: unknown) => {
        ctx.res.off('close', onClose);
        reject(error);
      },
    );
  });
}

function dispatch(ctx: GatewayContext, config: ForwardConfig, balancer: UpstreamBalancer, target: UpstreamTarget, body: RequestBody, probe: boolean, consumer: string | null): Promise<AttemptFailure | null> {
  return new Promise((resolve) => {
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      target.admission.release(consumer, ctx.clientIp, config.admission);
    };
    const done = (failure: AttemptFailure | null) => {
      release();
      resolve(failure);
    };
    try {
      target.pool.dispatch(
        {
          method: ctx.req.method as 'GET',
          path: upstreamPath(ctx, config, target.prefix),
          headers: withHost(forwardHeaders(ctx, config.requestHeaders), target),
          body: body.body,
          headersTimeout: config.headersTimeoutMs,
          bodyTimeout: config.bodyTimeoutMs,
        },
        new ProxyHandler(ctx, balancer.state, target, probe, done),
      );
    } catch (error) {
      release();
      throw error;
    }
  });
}

/** A target reached at one of its host name's addresses is still asked for that name. */
export function withHost(headers: string[], target: UpstreamTarget): string[] {
  if (target.hostHeader !== null) headers.push('host', target.hostHeader);
  return headers;
}

/** The same problem, with `Connection: close`; the body stream stops reading. */
function closingConnection(error: unknown, stream: Readable): unknown {
  if (!stream.destroyed) stream.destroy();
  if (!isTollgateError(error) || error.headers?.connection === 'close') return error;
  return new TollgateError(error.code, {
    detail: error.detail,
    internal: error.message,
    extensions: error.extensions,
    invalidParams: error.invalidParams,
    headers: { ...error.headers, connection: 'close' },
    cause: error.cause,
  });
}
