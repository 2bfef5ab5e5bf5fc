'use server';

import { ZCreatePlanRequest, ZSlug, ZUpdatePlanRequest } from '@tollgate/contracts';
import { createPlan, deletePlan, updatePlan } from '@tollgate/operations';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminActionClient } from '@/lib/safe-action';

export const createPlanAction = adminActionClient.inputSchema(ZCreatePlanRequest).action(async ({ parsedInput, ctx }) => {
  const plan = await ctx.run(createPlan, parsedInput);
  revalidatePath('/admin/plans');
  return plan;
});

export const updatePlanAction = adminActionClient.inputSchema(ZUpdatePlanRequest.extend({ planSlug: ZSlug })).action(async ({ parsedInput, ctx }) => {
  const plan = await ctx.run(updatePlan, parsedInput);
  revalidatePath('/admin/plans');
  return plan;
});

export const deletePlanAction = adminActionClient.inputSchema(z.object({ slug: ZSlug })).action(async ({ parsedInput, ctx }) => {
  await ctx.run(deletePlan, parsedInput);
  revalidatePath('/admin/plans');
  return { slug: parsedInput.slug };
});
