import type { IncomingHttpHeaders } from 'node:http';
import { TollgateError } from '@tollgate/errors';
import type { Dispatcher } from 'undici';
import type { UpstreamTarget } from '../../adapters/upstream/upstream-balancer';
import type { GatewayContext } from '../../pipeline/context';
import { responseHeaders } from './forward-headers';

const TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

class ClientGone extends Error {
  override readonly name = 'ClientGone';
}

/**
 * Streams one upstream response to the client as undici delivers it, with backpressure
 * both ways: a slow client pauses the upstream socket. Settles when the response is
 * complete; rejects only while nothing has been sent, so the runner can still answer
 * with a problem.
 */
export class ProxyHandler implements Dispatcher.DispatchHandler {
  #controller: Dispatcher.DispatchController | null = null;
  #settled = false;

  constructor(
    private readonly ctx: GatewayContext,
    private readonly target: UpstreamTarget,
    private readonly resolve: () => void,
    private readonly reject: (error: TollgateError) => void,
  ) {
    target.inFlight++;
    ctx.res.once('close', this.#onClientClose);
  }

  #onClientClose = () => {
    if (this.#settled || this.ctx.res.writableFinished) return;
    this.ctx.clientAborted = true;
    this.#controller?.abort(new ClientGone('client closed the connection'));
  };

  #resume = () => this.#controller?.resume();

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.ctx.clientAborted) controller.abort(new ClientGone('client closed the connection'));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (statusCode < 200) return;
    this.ctx.res.writeHead(statusCode, responseHeaders(headers, this.ctx.requestId));
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (!this.ctx.res.write(chunk)) {
      controller.pause();
      this.ctx.res.once('drain', this.#resume);
    }
  }

  onResponseEnd(): void {
    this.ctx.res.end();
    this.#settle();
    this.resolve();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#settle();
    if (this.ctx.clientAborted || this.ctx.res.headersSent) {
      if (!this.ctx.res.destroyed) this.ctx.res.destroy();
      if (!this.ctx.clientAborted) this.ctx.log.warn({ err: error, target: this.target.url }, 'upstream failed mid-response');
      this.resolve();
      return;
    }
    this.reject(toUpstreamError(error, this.target));
  }

  #settle(): void {
    this.#settled = true;
    this.target.inFlight--;
    this.ctx.res.off('close', this.#onClientClose);
  }
}

function toUpstreamError(error: Error, target: UpstreamTarget): TollgateError {
  const code = (error as { code?: string }).code ?? error.name;
  const internal = `${target.url}: ${code}: ${error.message}`;
  if (TIMEOUTS.has(code)) {
    return new TollgateError('upstream_timeout', { detail: 'The upstream did not answer in time.', internal, cause: error });
  }
  return new TollgateError('upstream_failed', { detail: 'The upstream could not be reached or broke off the response.', internal, cause: error });
}
