import { TollgateError } from '@tollgate/errors';

/** The JSON body as an object to merge path parameters into; anything else is a 400 on the root. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TollgateError('invalid_params', { invalidParams: [{ name: '(root)', reason: 'must be a JSON object' }] });
  }
  return body as Record<string, unknown>;
}
