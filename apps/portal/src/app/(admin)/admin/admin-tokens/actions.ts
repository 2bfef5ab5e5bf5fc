'use server';

import { ZAdminTokenIdParams, ZCreateAdminTokenRequest } from '@tollgate/contracts';
import { createAdminToken, revokeAdminToken } from '@tollgate/operations';
import { revalidatePath } from 'next/cache';
import { adminActionClient } from '@/lib/safe-action';

/** Answers the token itself, once; the page never stores it. */
export const createAdminTokenAction = adminActionClient.inputSchema(ZCreateAdminTokenRequest).action(async ({ parsedInput, ctx }) => {
  const created = await ctx.run(createAdminToken, parsedInput);
  revalidatePath('/admin/admin-tokens');
  return created;
});

export const revokeAdminTokenAction = adminActionClient.inputSchema(ZAdminTokenIdParams).action(async ({ parsedInput, ctx }) => {
  const revoked = await ctx.run(revokeAdminToken, parsedInput);
  revalidatePath('/admin/admin-tokens');
  return revoked;
});
