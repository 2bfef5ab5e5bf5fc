import { TollgateError } from '@tollgate/errors';

/** next-auth's endpoints take a handful of short fields; nothing they accept comes near this. */
export const AUTH_BODY_LIMIT_BYTES = 64 * 1024;

async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new TollgateError('payload_too_large', { detail: `The request body is larger than ${limit} bytes.` });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonFields(text: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new TollgateError('bad_request', { detail: 'The request body is not valid JSON.' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new TollgateError('bad_request', { detail: 'The request body must be a JSON object.' });
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') throw new TollgateError('bad_request', { detail: `The field "${name}" must be a string.` });
    fields[name] = value;
  }
  return fields;
}

/**
 * The fields of a POST to next-auth (form-encoded or a flat JSON object of strings), read
 * with a size cap. Anything else is a TollgateError (400 or 413), never an exception inside
 * next-auth.
 */
export async function readAuthForm(request: Request): Promise<Record<string, string>> {
  if (!request.body) return {};
  const text = await readCapped(request.body, AUTH_BODY_LIMIT_BYTES);
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return parseJsonFields(text);
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  return {};
}
