import { TollgateError } from '@tollgate/errors';

export const MAX_BODY_BYTES = 1024 * 1024;

/** The raw body text, refused with 413 past the cap whether or not Content-Length says so. */
export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  return request.body ? readStreamCapped(request.body, maxBytes) : '';
}

const tooLarge = (maxBytes: number) => new TollgateError('payload_too_large', { detail: `The body is larger than ${maxBytes} bytes.` });

/** A body stream as text, cancelled with 413 as soon as it passes `maxBytes`. */
export async function readStreamCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON from the body text; an empty body is `undefined`, anything else that is not JSON a 400. */
export function parseJsonBody(text: string, contentType: string | null): unknown {
  if (text.trim() === '') return undefined;
  if (contentType && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new TollgateError('bad_request', { detail: 'Send the body as application/json.' });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new TollgateError('bad_request', { detail: `The body is not valid JSON: ${(error as Error).message}` });
  }
}
