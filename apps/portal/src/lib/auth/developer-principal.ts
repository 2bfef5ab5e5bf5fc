import 'server-only';
import type { z } from 'zod';
import { developerPrincipal, publicPrincipal, runOperation, type Operation, type Principal } from '@tollgate/operations';
import { cache } from 'react';
import { getDb } from '@/server/db';
import { clientAddress } from './client-address';
import { getSessionUser } from './get-session-user';
import { requireUser } from './require-user';

/** The signed-in person as a developer principal, for the portal's server components; strangers go to sign-in. */
export const getDeveloperPrincipal = cache(async (returnTo = '/'): Promise<Principal> => {
  const user = await requireUser(returnTo);
  const forwarded = await clientAddress();
  return developerPrincipal(user, forwarded);
});

/** Runs a read operation as the signed-in developer: the operation scopes it to their teams. */
export async function readAsDeveloper<TInput extends z.ZodType, TResult>(operation: Operation<TInput, TResult>, input: unknown, returnTo?: string): Promise<TResult> {
  const principal = await getDeveloperPrincipal(returnTo);
  return runOperation(await getDb(), principal, operation, input, principal.ip ? { ip: principal.ip } : {});
}

/**
 * For pages strangers may read too (the catalog, an API's page): the signed-in person as a
 * developer, or nobody (the public principal, which belongs to no team). `signedIn` tells the
 * page which, so it can offer sign-up where a key would go.
 */
export async function readAsVisitor<TInput extends z.ZodType, TResult>(operation: Operation<TInput, TResult>, input: unknown): Promise<{ result: TResult; signedIn: boolean }> {
  const [user, ip] = await Promise.all([getSessionUser(), clientAddress()]);
  const principal = user ? developerPrincipal(user, ip) : publicPrincipal(ip);
  const result = await runOperation(await getDb(), principal, operation, input, ip ? { ip } : {});
  return { result, signedIn: user !== null };
}
