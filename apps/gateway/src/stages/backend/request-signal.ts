import { TollgateError } from '@tollgate/errors';
import type { GatewayContext } from '../../pipeline/context';

/** The client closed its connection before the answer was complete: calls stop, and count neither way for the upstream. */
export class ClientGone extends Error {
  override readonly name = 'ClientGone';
}

/** The route's deadline passed before the calls were done. */
export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
}

export interface RequestSignal {
  readonly signal: AbortSignal;
  /** Stops watching (the answer is written, or the request failed). */
  done(): void;
}

/**
 * One AbortSignal for everything a backend sends upstream for this request: aborted when
 * the client closes its connection (undici then closes the upstream sockets of the calls
 * in flight) or when the route's deadline passes.
 */
export function requestSignal(ctx: GatewayContext, deadlineMs: number): RequestSignal {
  const controller = new AbortController();
  const gone = () => {
    if (ctx.res.writableFinished) return;
    ctx.clientAborted = true;
    controller.abort(new ClientGone('client closed the connection'));
  };
  if (ctx.res.destroyed || ctx.req.socket.destroyed) gone();
  ctx.res.once('close', gone);
  const timer = setTimeout(() => controller.abort(new DeadlineExceeded(`the route's deadline of ${deadlineMs} ms passed`)), deadlineMs);
  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      ctx.res.off('close', gone);
    },
  };
}

/** The request's signal, also aborted after `timeoutMs` (a call's own timeout). */
export function withTimeout(signal: AbortSignal, timeoutMs: number): AbortSignal {
  return AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
}

/**
 * What a backend throws once the client has gone: nobody reads the problem, but the
 * request ends there (the forward stage after it never runs) and is recorded as abandoned.
 */
export function clientGone(ctx: GatewayContext): TollgateError {
  if (!ctx.res.destroyed) ctx.res.destroy();
  return new TollgateError('bad_request', { detail: 'The client closed the connection before the answer.' });
}
