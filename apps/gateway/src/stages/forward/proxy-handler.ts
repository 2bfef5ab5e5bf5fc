import type { IncomingHttpHeaders } from 'node:http';
import { isTollgateError, TollgateError } from '@tollgate/errors';
import type { Dispatcher } from 'undici';
import type { UpstreamState } from '../../adapters/upstream/upstream-state';
import type { UpstreamTarget } from '../../adapters/upstream/upstream-target';
import type { GatewayContext } from '../../pipeline/context';
import { responseHeaders } from './forward-headers';

const TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
/** Upstream answers that say the target is unwell (they count as failures, and pass through). */
const UNWELL = new Set([502, 503, 504]);

class ClientGone extends Error {
  override readonly name = 'ClientGone';
}

/** Why an attempt failed before anything reached the client. */
export interface AttemptFailure {
  readonly error: TollgateError;
  /** Nothing reached the upstream application in a way that makes a retry unsafe (idempotent requests only). */
  readonly retryable: boolean;
}

/**
 * One attempt at one target. Streams the upstream response to the client as undici
 * delivers it, with backpressure both ways: a slow client pauses the upstream socket.
 * Reports the outcome to the target (passive health) and the breaker. Settles with null
 * when the exchange is over (or can no longer be answered), or with the failure while
 * nothing has been sent, so the caller can retry or answer with a problem.
 */
export class ProxyHandler implements Dispatcher.DispatchHandler {
  #controller: Dispatcher.DispatchController | null = null;
  #settled = false;
  #status = 0;

  constructor(
    private readonly ctx: GatewayContext,
    private readonly state: UpstreamState,
    private readonly target: UpstreamTarget,
    private readonly probe: boolean,
    private readonly done: (failure: AttemptFailure | null) => void,
  ) {
    target.inFlight++;
    ctx.res.once('close', this.#onClientClose);
    ctx.trace?.upstreamStarted(target.origin);
  }

  #onClientClose = () => {
    if (this.#settled || this.ctx.res.writableFinished) return;
    this.ctx.clientAborted = true;
    this.#controller?.abort(new ClientGone('client closed the connection'));
  };

  #resume = () => this.#controller?.resume();

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    this.ctx.trace?.upstreamConnected();
    if (this.ctx.clientAborted) controller.abort(new ClientGone('client closed the connection'));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (statusCode < 200) return;
    this.ctx.trace?.upstreamResponded();
    this.#status = statusCode;
    this.ctx.res.writeHead(statusCode, responseHeaders(headers, this.ctx.requestId));
    this.ctx.responseSample?.describe(headers['content-type'], headers['content-encoding']);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (!this.ctx.res.write(chunk)) {
      controller.pause();
      this.ctx.res.once('drain', this.#resume);
    }
    this.ctx.responseSample?.add(chunk);
  }

  onResponseEnd(): void {
    this.ctx.res.end();
    this.#settle(UNWELL.has(this.#status) ? 'failure' : 'success');
    this.done(null);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (error instanceof ClientGone || this.ctx.clientAborted) {
      this.#settle('neutral');
      if (!this.ctx.res.destroyed) this.ctx.res.destroy();
      this.done(null);
      return;
    }
    if (isTollgateError(error)) {
      // The gateway itself stopped the request (the body passed the route's limit).
      this.#settle('neutral');
      if (this.ctx.res.headersSent) this.ctx.res.destroy();
      this.done(this.ctx.res.headersSent ? null : { error, retryable: false });
      return;
    }
    if (isLocalError(error)) {
      // The gateway itself built a request the client library refused, or hit a bug: the
      // upstream never saw it, so it says nothing about the upstream's health.
      this.#settle('neutral');
      if (this.ctx.res.headersSent) this.ctx.res.destroy();
      const internal = `${this.target.origin}: ${(error as { code?: string }).code ?? error.name}: ${error.message}`;
      this.done(this.ctx.res.headersSent ? null : { error: new TollgateError('internal_error', { internal, cause: error }), retryable: false });
      return;
    }
    this.#settle('failure');
    if (this.ctx.res.headersSent) {
      const failure = toAttemptFailure(error, this.target).error;
      this.ctx.brokenOffStatus = failure.status;
      this.ctx.problemCode = failure.code;
      if (!this.ctx.res.destroyed) this.ctx.res.destroy();
      this.ctx.log.warn({ err: error, target: this.target.origin }, 'upstream failed mid-response');
      this.done(null);
      return;
    }
    this.done(toAttemptFailure(error, this.target));
  }

  #settle(outcome: 'success' | 'failure' | 'neutral'): void {
    this.#settled = true;
    this.ctx.trace?.upstreamEnded();
    this.target.inFlight--;
    this.ctx.res.off('close', this.#onClientClose);
    const breaker = this.state.breaker;
    if (outcome === 'success') {
      this.target.passed();
      breaker.success(this.probe);
    } else if (outcome === 'failure') {
      const now = Date.now();
      if (this.state.failed(this.target, now)) {
        this.ctx.log.warn({ upstream: this.state.label, target: this.target.origin, ejectMs: this.state.settings.passive.ejectMs }, 'upstream target ejected after consecutive failures');
      }
      breaker.failure(this.probe, now);
    } else {
      breaker.release(this.probe);
    }
  }
}

/** undici's codes for a request it refused before sending anything (an invalid argument, an unsupported option). */
const LOCAL_CODES = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_INVALID_RETURN_VALUE', 'UND_ERR_NOT_SUPPORTED']);

/** An error the gateway caused itself (never counted against the upstream): undici's argument errors and programming errors. */
export function isLocalError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return LOCAL_CODES.has(code);
  return error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError || error instanceof SyntaxError;
}

function toAttemptFailure(error: Error, target: UpstreamTarget): AttemptFailure {
  const code = (error as { code?: string }).code ?? error.name;
  const internal = `${target.origin}: ${code}: ${error.message}`;
  if (TIMEOUTS.has(code)) {
    return {
      error: new TollgateError('upstream_timeout', { detail: 'The upstream did not answer in time.', internal, cause: error }),
      // Only a connect timeout is known not to have reached the upstream application.
      retryable: code === 'UND_ERR_CONNECT_TIMEOUT',
    };
  }
  return {
    error: new TollgateError('upstream_failed', { detail: 'The upstream could not be reached or broke off the response.', internal, cause: error }),
    retryable: true,
  };
}
