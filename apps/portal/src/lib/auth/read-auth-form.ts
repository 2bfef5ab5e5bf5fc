import { TollgateError } from '@tollgate/errors';
import { readStreamCapped } from '../api/read-json-body';

/** next-auth's endpoints take a handful of short fields; nothing they accept comes near this. */
export const AUTH_BODY_LIMIT_BYTES = 64 * 1024;

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
  const text = await readStreamCapped(request.body, AUTH_BODY_LIMIT_BYTES);
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return parseJsonFields(text);
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  return {};
}
