'use server';

import { ZCreateAlertRuleRequest, ZUpdateAlertRuleRequest } from '@tollgate/contracts';
import { createAlertRule, deleteAlertRule, updateAlertRule } from '@tollgate/operations';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminActionClient } from '@/lib/safe-action';

const ZId = z.string().min(1).max(100);

export const createAlertRuleAction = adminActionClient.inputSchema(ZCreateAlertRuleRequest).action(async ({ parsedInput, ctx }) => {
  const rule = await ctx.run(createAlertRule, parsedInput);
  revalidatePath('/admin/alerts');
  return rule;
});

export const updateAlertRuleAction = adminActionClient.inputSchema(ZUpdateAlertRuleRequest.extend({ id: ZId })).action(async ({ parsedInput, ctx }) => {
  const rule = await ctx.run(updateAlertRule, parsedInput);
  revalidatePath('/admin/alerts');
  return rule;
});

export const deleteAlertRuleAction = adminActionClient.inputSchema(z.object({ id: ZId })).action(async ({ parsedInput, ctx }) => {
  await ctx.run(deleteAlertRule, parsedInput);
  revalidatePath('/admin/alerts');
  return { id: parsedInput.id };
});
