import type { z } from 'zod';
import { Problem, validationFailed, type InvalidParam } from './problem';

function toInvalidParams(error: z.ZodError): InvalidParam[] {
  return error.issues.map((issue) => ({ name: issue.path.join('.') || '(body)', reason: issue.message }));
}

/** Query parameters (single values) checked against a schema: 400 when they do not fit. */
export function parseQuery<T extends z.ZodType>(url: URL, schema: T): z.infer<T> {
  const result = schema.safeParse(Object.fromEntries(url.searchParams));
  if (result.success) return result.data;
  throw new Problem(400, 'Bad Request', 'Some query parameters are invalid.', { invalid_params: toInvalidParams(result.error) });
}

/** A JSON body checked against a schema: 422 when it does not fit. */
export function parseBody<T extends z.ZodType>(body: unknown, schema: T): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw validationFailed(toInvalidParams(result.error));
}
