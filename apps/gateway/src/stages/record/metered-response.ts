import { ServerResponse, type IncomingMessage } from 'node:http';
import type { UsageSink } from '../../adapters/usage-sink/usage-sink';
import type { GatewayContext } from '../../pipeline/context';
import { CLIENT_CLOSED, encodeUsageEvent, foldedUsageEvent } from './usage-event';

/**
 * The gateway's response class: counts body bytes and has the usage event written to
 * the spool before the last bytes of the response are handed to the socket (`end()`
 * completes once the sink has written the event: the same event-loop turn). A client that received a complete response therefore always has its event on
 * disk (page cache), even if the process is killed the next instant.
 */
export class MeteredResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  #ctx: GatewayContext | null = null;
  #sink: UsageSink | null = null;
  #bodyBytes = 0;
  #metered = false;
  #ending = false;

  /** end() was called and the response completes once the spool has its event (the same event-loop turn). */
  get ending(): boolean {
    return this.#ending;
  }

  /** Links the response to its request context and sink; unmetered until called. */
  meterWith(ctx: GatewayContext, sink: UsageSink): void {
    this.#ctx = ctx;
    this.#sink = sink;
  }

  /* eslint-disable @typescript-eslint/no-explicit-any -- the overloads of write/end pass through unchanged */
  override write(chunk: any, ...rest: any[]): boolean {
    this.#bodyBytes += byteLength(chunk);
    return super.write(chunk, ...(rest as [any]));
  }

  override end(chunk?: any, ...rest: any[]): this {
    if (typeof chunk !== 'function') this.#bodyBytes += byteLength(chunk);
    // The last bytes leave only once the event is in the spool.
    this.#ending = true;
    if (!this.#meter(this.statusCode, () => super.end(chunk, ...(rest as [any])))) super.end(chunk, ...(rest as [any]));
    return this;
  }
  /* eslint-enable @typescript-eslint/no-explicit-any */

  /** Writes the usage event once; the record stage calls it for responses that never ended (client gone). */
  meter(status: number): void {
    this.#meter(status, NOTHING);
  }

  /**
   * Hands the event to the sink, which calls `then` once it is written; false when
   * already metered or unmetered. A refused credential (ctx.failedAuth) is folded into
   * its address's row for the minute instead: nothing to wait for, as it is never billed.
   */
  #meter(status: number, then: () => void): boolean {
    if (this.#metered || this.#ctx === null || this.#sink === null) return false;
    this.#metered = true;
    const ctx = this.#ctx;
    if (ctx.failedAuth && !ctx.clientAborted) {
      this.#sink.fold(foldedUsageEvent(ctx, status, this.#bodyBytes));
      then();
      return true;
    }
    this.#sink.append(encodeUsageEvent(ctx, ctx.clientAborted ? CLIENT_CLOSED : status, this.#bodyBytes, this.#sink.gatewayId), then);
    return true;
  }
}

const NOTHING = (): void => {};

function byteLength(chunk: unknown): number {
  if (chunk === undefined || chunk === null) return 0;
  if (typeof chunk === 'string') return Buffer.byteLength(chunk);
  return (chunk as Uint8Array).byteLength ?? 0;
}
