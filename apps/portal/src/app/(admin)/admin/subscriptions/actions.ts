'use server';

import { ZCreateSubscriptionRequest, ZMoveSubscriptionRequest, ZRejectSubscriptionRequest, ZSuspendSubscriptionRequest } from '@tollgate/contracts';
import { approveSubscription, cancelSubscription, createSubscription, moveSubscription, rejectSubscription, resetSubscriptionQuota, resumeSubscription, suspendSubscription } from '@tollgate/operations';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminActionClient } from '@/lib/safe-action';
import { mailSubscriptionDecision } from '@/server/subscriptions/mail-subscription-decision';

const ZId = z.object({ id: z.string().min(1).max(100) });

const refresh = () => {
  revalidatePath('/admin/subscriptions');
  revalidatePath('/admin/apps/[slug]', 'page');
};

export const createSubscriptionAction = adminActionClient.inputSchema(ZCreateSubscriptionRequest).action(async ({ parsedInput, ctx }) => {
  const subscription = await ctx.run(createSubscription, parsedInput);
  refresh();
  return subscription;
});

export const approveSubscriptionAction = adminActionClient.inputSchema(ZId).action(async ({ parsedInput, ctx }) => {
  const subscription = await ctx.run(approveSubscription, parsedInput);
  refresh();
  await mailSubscriptionDecision(subscription);
  return subscription;
});

export const rejectSubscriptionAction = adminActionClient.inputSchema(ZRejectSubscriptionRequest.extend(ZId.shape)).action(async ({ parsedInput, ctx }) => {
  const subscription = await ctx.run(rejectSubscription, parsedInput);
  refresh();
  await mailSubscriptionDecision(subscription);
  return subscription;
});

export const suspendSubscriptionAction = adminActionClient.inputSchema(ZSuspendSubscriptionRequest.extend(ZId.shape)).action(async ({ parsedInput, ctx }) => {
  const subscription = await ctx.run(suspendSubscription, parsedInput);
  refresh();
  return subscription;
});

export const resumeSubscriptionAction = adminActionClient.inputSchema(ZId).action(async ({ parsedInput, ctx }) => {
  const subscription = await ctx.run(resumeSubscription, parsedInput);
  refresh();
  return subscription;
});

export const moveSubscriptionAction = adminActionClient.inputSchema(ZMoveSubscriptionRequest.extend(ZId.shape)).action(async ({ parsedInput, ctx }) => {
  const subscription = await ctx.run(moveSubscription, parsedInput);
  refresh();
  return subscription;
});

export const resetSubscriptionQuotaAction = adminActionClient.inputSchema(ZId).action(async ({ parsedInput, ctx }) => {
  const subscription = await ctx.run(resetSubscriptionQuota, parsedInput);
  refresh();
  return subscription;
});

export const cancelSubscriptionAction = adminActionClient.inputSchema(ZId).action(async ({ parsedInput, ctx }) => {
  const subscription = await ctx.run(cancelSubscription, parsedInput);
  refresh();
  return subscription;
});
