import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { TollgateError } from '@tollgate/errors';
import { payloadTooLarge } from './body-errors';
import { BodyPace, type BodyPacePolicy } from './body-pace';

/**
 * The request stream as undici reads it, keeping backpressure: when undici stops reading
 * the client's socket is paused (and the body's pace clock with it). It starts with the
 * chunks already read (`head`, `seen` bytes). The stream fails, and undici aborts the
 * upstream request, when the body passes `maxBytes` (payload_too_large) or arrives too
 * slowly (request_timeout); the client's body is then left unread.
 */
export class StreamedBody extends Readable {
  #seen: number;
  readonly #pace: BodyPace;

  constructor(
    private readonly req: IncomingMessage,
    private readonly maxBytes: number,
    policy: BodyPacePolicy,
    head: readonly Buffer[] = [],
    seen = 0,
    pace?: BodyPace,
  ) {
    super();
    this.#seen = seen;
    this.#pace = pace ?? new BodyPace(policy, this.#fail);
    req.on('data', this.#onData);
    req.once('end', this.#onEnd);
    req.once('error', this.#fail);
    let room = true;
    for (const chunk of head) room = this.push(chunk);
    if (!room) this.#pauseReading();
  }

  /** Where a BodyPace created before this stream reports a slow body. */
  readonly #fail = (error: Error | TollgateError): void => {
    this.#detach();
    this.destroy(error);
  };

  override _read(): void {
    this.#pace.resume();
    this.req.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#detach();
    callback(error);
  }

  /** Routes a slow-body report from a pace that was created before this stream to it. */
  failSlow(error: TollgateError): void {
    this.#fail(error);
  }

  #pauseReading(): void {
    this.req.pause();
    this.#pace.pause();
  }

  #detach(): void {
    this.#pace.stop();
    this.req.off('data', this.#onData);
    this.req.off('end', this.#onEnd);
    this.req.off('error', this.#fail);
    this.req.pause();
  }

  #onEnd = (): void => {
    this.#pace.stop();
    this.push(null);
  };

  #onData = (chunk: Buffer): void => {
    this.#seen += chunk.length;
    if (this.#seen > this.maxBytes) return this.#fail(payloadTooLarge(this.maxBytes));
    this.#pace.chunk(chunk.length);
    if (!this.push(chunk)) this.#pauseReading();
  };
}
