'use server';

import { ZCreateKeyRequest, ZUpdateKeyRequest } from '@tollgate/contracts';
import { createKey, revokeKey, updateKey } from '@tollgate/operations';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminActionClient } from '@/lib/safe-action';

const refresh = () => {
  revalidatePath('/admin/keys');
  revalidatePath('/admin/apps/[slug]', 'page');
};

/** Answers the key itself, once: the browser shows it and keeps it nowhere. */
export const createKeyAction = adminActionClient.inputSchema(ZCreateKeyRequest).action(async ({ parsedInput, ctx }) => {
  const key = await ctx.run(createKey, parsedInput);
  refresh();
  return key;
});

export const revokeKeyAction = adminActionClient.inputSchema(z.object({ id: z.string().min(1).max(100) })).action(async ({ parsedInput, ctx }) => {
  const key = await ctx.run(revokeKey, parsedInput);
  refresh();
  return key;
});

/** Leaves the key's calls out of the analytics charts, or brings them back. */
export const updateKeyAction = adminActionClient.inputSchema(ZUpdateKeyRequest.extend({ id: z.string().min(1).max(100) })).action(async ({ parsedInput, ctx }) => {
  const key = await ctx.run(updateKey, parsedInput);
  refresh();
  return key;
});
