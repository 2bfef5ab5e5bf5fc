'use server';

import { ZCreateAdminUserRequest, ZUpdateAdminUserRequest } from '@tollgate/contracts';
import { createAdminUser, removeAdminUser, updateAdminUser } from '@tollgate/operations';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminActionClient } from '@/lib/safe-action';

const ZId = z.string().min(1).max(100);

/** Answers the temporary password, once, when none was given. */
export const inviteAdminUserAction = adminActionClient.inputSchema(ZCreateAdminUserRequest).action(async ({ parsedInput, ctx }) => {
  const user = await ctx.run(createAdminUser, parsedInput);
  revalidatePath('/admin/admin-users');
  return user;
});

export const updateAdminUserAction = adminActionClient.inputSchema(ZUpdateAdminUserRequest.extend({ id: ZId })).action(async ({ parsedInput, ctx }) => {
  const user = await ctx.run(updateAdminUser, parsedInput);
  revalidatePath('/admin/admin-users');
  return user;
});

export const removeAdminUserAction = adminActionClient.inputSchema(z.object({ id: ZId })).action(async ({ parsedInput, ctx }) => {
  await ctx.run(removeAdminUser, parsedInput);
  revalidatePath('/admin/admin-users');
  return { id: parsedInput.id };
});
