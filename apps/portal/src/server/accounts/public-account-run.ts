import 'server-only';
import type { z } from 'zod';
import { publicPrincipal, runOperation, type Operation } from '@tollgate/operations';
import { clientAddress } from '@/lib/auth/client-address';
import { dbClient } from '@/server/db';

/** Runs an account operation for someone not signed in (sign-up, links), with their address in the audit entry. */
export async function runAsPublic<TInput extends z.ZodType, TResult>(operation: Operation<TInput, TResult>, input: unknown): Promise<TResult> {
  const ip = await clientAddress();
  return runOperation(dbClient(), publicPrincipal(ip), operation, input, ip ? { ip } : {});
}
