import 'server-only';
import { createSafeActionClient } from 'next-safe-action';
import type { z } from 'zod';
import { TollgateError, isTollgateError, toProblem, type ErrorCode, type InvalidParam } from '@tollgate/errors';
import { developerPrincipal, runOperation, type Operation, type OperationMeta, type Principal } from '@tollgate/operations';
import { clientAddress } from '@/lib/auth/client-address';
import { getSessionUser } from '@/lib/auth/get-session-user';
import { dbClient } from '@/server/db';
import { getUser } from '@/server/users/get-user';

/** What a failed action tells the browser: the error's code, its public detail and the fields at fault. */
export interface ActionError {
  code: ErrorCode;
  status: number;
  message: string;
  invalidParams?: InvalidParam[];
}

/** Every server action starts here; its handleServerError is the one place actions map errors, by `code`. */
export const actionClient = createSafeActionClient({
  handleServerError(error): ActionError {
    if (!isTollgateError(error)) console.error('server action failed', error);
    const problem = toProblem(error);
    return { code: problem.code, status: problem.status, message: problem.detail, ...(problem.invalid_params ? { invalidParams: problem.invalid_params } : {}) };
  },
});

/** For actions any signed-in person may take (developers included); ctx.user is the session user. */
export const userActionClient = actionClient.use(async ({ next }) => {
  const user = await getSessionUser();
  if (!user) throw new TollgateError('unauthorized', { detail: 'Sign in first.' });
  return next({ ctx: { user } });
});

/**
 * For the developer portal's mutations: ctx.run runs an operation as the signed-in person with
 * the developer principal, so the operation scopes every record to the caller's teams.
 */
export const developerActionClient = userActionClient.use(async ({ next, ctx }) => {
  const principal = developerPrincipal(ctx.user, await clientAddress());
  const run: AdminActionContext['run'] = (operation, input) => runOperation(dbClient(), principal, operation, input, principal.ip ? { ip: principal.ip } : {});
  return next({ ctx: { principal, run } });
});

export interface AdminActionContext {
  principal: Principal;
  /** runOperation as this admin, with the request's address in the audit entry. */
  run<TInput extends z.ZodType, TResult>(operation: Operation<TInput, TResult>, input: unknown): Promise<TResult>;
}

/** The admin behind an action: built from how the caller proves who they are (the session, or a test's principal). */
export function createAdminActionClient(resolvePrincipal: () => Promise<Principal>) {
  return actionClient.use(async ({ next }) => {
    const principal = await resolvePrincipal();
    const meta: OperationMeta = { ip: principal.ip };
    const ctx: AdminActionContext = { principal, run: (operation, input) => runOperation(dbClient(), principal, operation, input, meta) };
    return next({ ctx });
  });
}

/** The signed-in admin as the database knows them now: a developer or a stranger gets no principal. */
export async function sessionAdminPrincipal(): Promise<Principal> {
  const sessionUser = await getSessionUser();
  if (!sessionUser) throw new TollgateError('unauthorized', { detail: 'Sign in first.' });
  const user = await getUser(sessionUser.id);
  if (!user || user.role === 'developer') throw new TollgateError('forbidden', { detail: 'Admins only.' });
  const forwarded = await clientAddress();
  return { kind: 'user', id: user.id, label: user.email, role: user.role, ...(forwarded ? { ip: forwarded } : {}) };
}

/** For console mutations: an owner, admin or viewer; the operation decides which role it needs. */
export const adminActionClient = createAdminActionClient(sessionAdminPrincipal);
