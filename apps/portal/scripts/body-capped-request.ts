import { IncomingMessage } from 'node:http';

/**
 * An IncomingMessage that counts its body as the HTTP parser hands it over. Past `limit`
 * bytes it calls `onOverLimit` once and accepts nothing more; refusing the chunk also tells
 * the parser to stop reading the socket, so the rest of an oversized body is never read.
 * This is how a chunked body (no Content-Length to check up front) is capped before any
 * route handler has buffered it.
 */
export class BodyCappedRequest extends IncomingMessage {
  limit = Number.POSITIVE_INFINITY;
  received = 0;
  onOverLimit: (() => void) | undefined;
  private over = false;

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk !== null && chunk !== undefined) {
      this.received += (chunk as Buffer).length;
      if (this.over || this.received > this.limit) {
        if (!this.over) {
          this.over = true;
          this.onOverLimit?.();
        }
        return false;
      }
    }
    return super.push(chunk, encoding);
  }
}
