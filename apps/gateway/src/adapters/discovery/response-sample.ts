import { detectSensitiveData, type SensitiveKind } from '@tollgate/domain';

/** How much of a sampled response is looked at. */
export const SAMPLE_BYTES = 64 * 1024;

const READABLE = /^(?:application\/(?:[\w.+-]+\+)?json|text\/)/i;

/**
 * A copy of the first 64 KiB of one response, taken as forward writes each chunk to the
 * client (the chunk itself is passed on untouched and never waited for), and read for
 * sensitive-looking data once the response is over.
 */
export class ResponseSample {
  readonly #chunks: Buffer[] = [];
  #size = 0;
  #contentType: unknown;
  #contentEncoding: unknown;

  /** The upstream response's head, as forward receives it. */
  describe(contentType: unknown, contentEncoding: unknown): void {
    this.#contentType = contentType;
    this.#contentEncoding = contentEncoding;
  }

  add(chunk: Buffer): void {
    if (this.#size >= SAMPLE_BYTES) return;
    const part = chunk.length <= SAMPLE_BYTES - this.#size ? chunk : chunk.subarray(0, SAMPLE_BYTES - this.#size);
    this.#chunks.push(Buffer.from(part));
    this.#size += part.length;
  }

  /** The kinds found, for a JSON or text body sent without a content coding; none for anything else. */
  inspect(): SensitiveKind[] {
    const contentType = this.#contentType;
    if (this.#size === 0 || typeof contentType !== 'string' || !READABLE.test(contentType)) return [];
    if (this.#contentEncoding !== undefined && this.#contentEncoding !== 'identity') return [];
    return detectSensitiveData(Buffer.concat(this.#chunks, this.#size).toString('utf8'));
  }
}
