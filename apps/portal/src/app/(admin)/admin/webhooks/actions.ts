'use server';

import { ZCreateWebhookRequest, ZUpdateWebhookRequest } from '@tollgate/contracts';
import { createWebhook, deleteWebhook, replayWebhookDelivery, updateWebhook } from '@tollgate/operations';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminActionClient } from '@/lib/safe-action';

const ZId = z.string().min(1).max(100);

/** Answers the signing secret, once. */
export const createWebhookAction = adminActionClient.inputSchema(ZCreateWebhookRequest).action(async ({ parsedInput, ctx }) => {
  const created = await ctx.run(createWebhook, parsedInput);
  revalidatePath('/admin/webhooks');
  return created;
});

export const updateWebhookAction = adminActionClient.inputSchema(ZUpdateWebhookRequest.extend({ id: ZId })).action(async ({ parsedInput, ctx }) => {
  const updated = await ctx.run(updateWebhook, parsedInput);
  revalidatePath('/admin/webhooks', 'layout');
  return updated;
});

export const deleteWebhookAction = adminActionClient.inputSchema(z.object({ id: ZId })).action(async ({ parsedInput, ctx }) => {
  await ctx.run(deleteWebhook, parsedInput);
  revalidatePath('/admin/webhooks');
  return { id: parsedInput.id };
});

export const replayDeliveryAction = adminActionClient.inputSchema(z.object({ webhookId: ZId, deliveryId: ZId })).action(async ({ parsedInput, ctx }) => {
  const delivery = await ctx.run(replayWebhookDelivery, parsedInput);
  revalidatePath(`/admin/webhooks/${parsedInput.webhookId}`);
  return delivery;
});
