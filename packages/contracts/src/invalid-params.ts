import type { z } from 'zod';
import type { InvalidParam } from '@tollgate/errors';

/** `['apis', 0, 'routes', 1, 'path']` -> `apis[0].routes[1].path` */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

export function toInvalidParams(error: z.ZodError): InvalidParam[] {
  return error.issues.map((issue) => ({ name: formatIssuePath(issue.path) || '(root)', reason: issue.message }));
}
