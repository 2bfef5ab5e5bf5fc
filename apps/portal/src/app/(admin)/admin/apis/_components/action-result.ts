import { applyInvalidParams, toast } from '@tollgate/ui';
import type { FieldValues, UseFormSetError } from 'react-hook-form';

/** What a safe action answers: data, or the server's error mapped by code (see lib/safe-action.ts). */
export type ActionResult<T> = {
  data?: T;
  serverError?: { code: string; message: string; invalidParams?: { name: string; reason: string }[] };
  validationErrors?: unknown;
} | undefined;

/**
 * The data of a successful action; otherwise the server's field errors shown inline on the form
 * (fields it does not have go above its buttons), or a toast when there is no form.
 */
export function actionData<T, F extends FieldValues = FieldValues>(result: ActionResult<T>, form?: { setError: UseFormSetError<F>; fields?: readonly string[]; rename?: (name: string) => string }): T | undefined {
  if (result?.data !== undefined && !result.serverError) return result.data;
  const error = result?.serverError;
  const message = error?.message ?? (result?.validationErrors ? 'Some fields are not valid.' : 'The server did not answer. Try again.');
  if (form && error?.invalidParams?.length) applyInvalidParams(form.setError, error.invalidParams.map((param) => ({ ...param, name: form.rename?.(param.name) ?? param.name })), { fields: form.fields });
  else if (form) form.setError('root.server' as never, { type: 'server', message });
  else toast.error(message);
  return undefined;
}
