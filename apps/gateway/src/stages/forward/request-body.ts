import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { TollgateError } from '@tollgate/errors';
import type { GatewayEnv } from '../../env';
import { payloadTooLarge } from './body-errors';
import { BodyPace, type BodyPacePolicy } from './body-pace';
import { StreamedBody } from './streamed-body';

export interface RequestBody {
  /** What undici sends: nothing, a buffered copy, or a stream fed from the request. */
  readonly body: Buffer | Readable | null;
  /** The body can be sent again (none, or buffered), so the request may be retried. */
  readonly replayable: boolean;
}

export interface BodyLimits {
  /** The route's limit (413 past it). */
  readonly maxBodyBytes: number;
  /** Bodies up to this size are read whole before an upstream connection is taken. */
  readonly bufferBytes: number;
  readonly pace: BodyPacePolicy;
}

/** A route's body limits from its maxBodyBytes and the gateway's settings. */
export function routeBodyLimits(env: GatewayEnv, maxBodyBytes: number): BodyLimits {
  return {
    maxBodyBytes,
    bufferBytes: Math.min(env.GATEWAY_BODY_BUFFER_BYTES, maxBodyBytes),
    pace: { idleMs: env.GATEWAY_BODY_IDLE_TIMEOUT_MS, minBytesPerSecond: env.GATEWAY_BODY_MIN_BYTES_PER_SECOND, graceMs: env.GATEWAY_BODY_MIN_RATE_GRACE_MS },
  };
}

const NO_BODY: RequestBody = Object.freeze({ body: null, replayable: true });

/**
 * The request body as it should go upstream. A declared Content-Length over the route's
 * limit is refused before anything is sent. A body up to `bufferBytes` (declared, or
 * chunked and found to be that small) is read whole first, so a slow client holds no
 * upstream connection while it sends, and a retry can send it again; a larger one
 * streams through, counted against the limit (413 while nothing has been answered yet).
 * Either way a body that pauses too long or arrives too slowly is cut off with 408.
 */
export function readRequestBody(req: IncomingMessage, limits: BodyLimits): RequestBody | Promise<RequestBody> {
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (!chunked) {
    const declared = req.headers['content-length'];
    if (declared === undefined || declared === '0') return NO_BODY;
    const length = Number(declared);
    if (length > limits.maxBodyBytes) throw payloadTooLarge(limits.maxBodyBytes);
    if (length > limits.bufferBytes) return { body: new StreamedBody(req, limits.maxBodyBytes, limits.pace), replayable: false };
  } else if (limits.bufferBytes === 0) {
    return { body: new StreamedBody(req, limits.maxBodyBytes, limits.pace), replayable: false };
  }
  return bufferBody(req, limits);
}

/**
 * Reads the body into memory; a chunked body that grows past `bufferBytes` goes on as a
 * stream that starts with what was read.
 */
function bufferBody(req: IncomingMessage, limits: BodyLimits): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let seen = 0;
    let stream: StreamedBody | null = null;
    const pace = new BodyPace(limits.pace, (error) => (stream !== null ? stream.failSlow(error) : fail(error)));
    const detach = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', fail);
      req.off('close', onClose);
    };
    const fail = (error: Error) => {
      pace.stop();
      detach();
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      chunks.push(chunk);
      if (seen <= limits.bufferBytes) {
        pace.chunk(chunk.length);
        return;
      }
      if (seen > limits.maxBodyBytes) return fail(payloadTooLarge(limits.maxBodyBytes));
      pace.chunk(chunk.length);
      detach();
      stream = new StreamedBody(req, limits.maxBodyBytes, limits.pace, chunks, seen, pace);
      resolve({ body: stream, replayable: false });
    };
    const onEnd = () => {
      pace.stop();
      detach();
      resolve({ body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, seen), replayable: true });
    };
    const onClose = () => {
      if (!req.complete) fail(new TollgateError('bad_request', { detail: 'The client closed the connection before the body was complete.' }));
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', fail);
    req.once('close', onClose);
  });
}
