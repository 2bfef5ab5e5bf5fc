'use server';

import { ZCreateJwtIssuerRequest, ZUpdateJwtIssuerRequest } from '@tollgate/contracts';
import { createJwtIssuer, deleteJwtIssuer, updateJwtIssuer } from '@tollgate/operations';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminActionClient } from '@/lib/safe-action';

const ZId = z.string().min(1).max(100);

export const createJwtIssuerAction = adminActionClient.inputSchema(ZCreateJwtIssuerRequest).action(async ({ parsedInput, ctx }) => {
  const issuer = await ctx.run(createJwtIssuer, parsedInput);
  revalidatePath('/admin/jwt-issuers');
  return issuer;
});

export const updateJwtIssuerAction = adminActionClient.inputSchema(ZUpdateJwtIssuerRequest.extend({ id: ZId })).action(async ({ parsedInput, ctx }) => {
  const issuer = await ctx.run(updateJwtIssuer, parsedInput);
  revalidatePath('/admin/jwt-issuers');
  return issuer;
});

export const deleteJwtIssuerAction = adminActionClient.inputSchema(z.object({ id: ZId })).action(async ({ parsedInput, ctx }) => {
  await ctx.run(deleteJwtIssuer, parsedInput);
  revalidatePath('/admin/jwt-issuers');
  return { id: parsedInput.id };
});
