import 'server-only';
import type { z } from 'zod';
import { runOperation, type AdminPrincipal, type AdminRole, type Operation } from '@tollgate/operations';
import { cache } from 'react';
import { getDb } from '@/server/db';
import { clientAddress } from './client-address';
import { requireAdmin } from './require-admin';

/**
 * The signed-in admin as an operations principal, for server components: strangers go to the
 * sign-in page (and back to `returnTo`), developers get 403. The address is the last hop of
 * X-Forwarded-For, as the admin action client records it.
 */
export const getAdminPrincipal = cache(async (returnTo = '/admin'): Promise<AdminPrincipal> => {
  const user = await requireAdmin(returnTo);
  const forwarded = await clientAddress();
  return { kind: 'user', id: user.id, label: user.email, role: user.role as AdminRole, ...(forwarded ? { ip: forwarded } : {}) };
});

/** Runs a read operation as the signed-in admin (the operation checks the role it needs). */
export async function readAsAdmin<TInput extends z.ZodType, TResult>(operation: Operation<TInput, TResult>, input: unknown, returnTo?: string): Promise<TResult> {
  const principal = await getAdminPrincipal(returnTo);
  return runOperation(await getDb(), principal, operation, input, principal.ip ? { ip: principal.ip } : {});
}
