import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { TollgateError } from '@tollgate/errors';

/** Idempotent request bodies up to this size are read into memory so that a retry can resend them. */
export const REPLAYABLE_BODY_BYTES = 64 * 1024;

export interface RequestBody {
  /** What undici sends: nothing, a buffered copy, or the request stream itself. */
  readonly body: Buffer | Readable | null;
  /** The body can be sent again (none, or buffered), so the request may be retried. */
  readonly replayable: boolean;
}

const NO_BODY: RequestBody = Object.freeze({ body: null, replayable: true });

export function payloadTooLarge(maxBodyBytes: number): TollgateError {
  return new TollgateError('payload_too_large', {
    detail: `The request body is larger than the ${maxBodyBytes} bytes this route accepts.`,
    // The rest of the body is never read: the connection cannot carry another request.
    headers: { connection: 'close' },
  });
}

/**
 * The request body as it should go upstream. A declared Content-Length over the route's
 * limit is refused before anything is sent; a chunked body is counted as it streams and
 * cut off (413 while nothing has been answered yet) once it passes the limit. Small
 * bodies of idempotent requests are buffered so a retry can send them again; every other
 * body streams through without buffering.
 */
export function readRequestBody(req: IncomingMessage, maxBodyBytes: number, idempotent: boolean): RequestBody | Promise<RequestBody> {
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (!chunked) {
    const declared = req.headers['content-length'];
    if (declared === undefined || declared === '0') return NO_BODY;
    const length = Number(declared);
    if (length > maxBodyBytes) throw payloadTooLarge(maxBodyBytes);
    if (idempotent && length <= REPLAYABLE_BODY_BYTES) return bufferBody(req);
    return { body: req, replayable: false };
  }
  return { body: new LimitedBody(req, maxBodyBytes), replayable: false };
}

function bufferBody(req: IncomingMessage): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve({ body: Buffer.concat(chunks), replayable: true }));
    req.on('error', reject);
  });
}

/**
 * The request stream with a byte limit, keeping backpressure: when undici stops reading
 * the client's socket is paused. Past the limit the stream fails with payload_too_large
 * (undici then aborts the upstream request) and the client's body is left unread.
 */
class LimitedBody extends Readable {
  #seen = 0;

  constructor(
    private readonly req: IncomingMessage,
    private readonly maxBytes: number,
  ) {
    super();
    req.on('data', this.#onData);
    req.once('end', () => this.push(null));
    req.once('error', (error) => this.destroy(error));
  }

  override _read(): void {
    this.req.resume();
  }

  #onData = (chunk: Buffer): void => {
    this.#seen += chunk.length;
    if (this.#seen > this.maxBytes) {
      this.req.off('data', this.#onData);
      this.req.pause();
      this.destroy(payloadTooLarge(this.maxBytes));
      return;
    }
    if (!this.push(chunk)) this.req.pause();
  };
}
