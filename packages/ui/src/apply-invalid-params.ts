import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

/** One entry of a problem+json `invalid_params` array. */
export type InvalidParam = { name: string; reason: string };

/** `a/b`, `/a/b`, `a[0].b` and `a.0.b` all name the same field: react-hook-form's `a.0.b`. */
export function toFieldPath(name: string): string {
  return name
    .replace(/\[(\w+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+|\.+$/g, '')
    .replace(/\.{2,}/g, '.');
}

export type ApplyInvalidParamsResult = { applied: string[]; unmatched: InvalidParam[] };

/**
 * Shows a server's field errors (problem+json `invalid_params`) inline, as if the form had found them.
 * With `fields` given, names the form does not have go to `root.server` (shown above the buttons),
 * so no error is silently lost. The first matched field receives focus.
 */
export function applyInvalidParams<T extends FieldValues>(
  setError: UseFormSetError<T>,
  invalidParams: readonly InvalidParam[] | undefined,
  options: { fields?: readonly string[] } = {},
): ApplyInvalidParamsResult {
  const applied: string[] = [];
  const unmatched: InvalidParam[] = [];
  for (const param of invalidParams ?? []) {
    const path = toFieldPath(param.name);
    const known = path !== '' && (!options.fields || options.fields.some((field) => path === field || path.startsWith(`${field}.`)));
    if (!known) {
      unmatched.push(param);
      continue;
    }
    if (applied.includes(path)) continue;
    setError(path as Path<T>, { type: 'server', message: param.reason }, { shouldFocus: applied.length === 0 });
    applied.push(path);
  }
  if (unmatched.length > 0) {
    const message = unmatched.map((param) => (param.name ? `${param.name}: ${param.reason}` : param.reason)).join('\n');
    setError('root.server' as Path<T>, { type: 'server', message });
  }
  return { applied, unmatched };
}
