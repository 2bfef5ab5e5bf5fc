'use server';

import {
  ZCreateTeamAppRequest,
  ZCreateTeamKeyRequest,
  ZMarkNotificationsReadRequest,
  ZRenameTeamAppRequest,
  ZRollTeamKeyRequest,
  ZSubscribeTeamAppRequest,
  ZTeamAppParams,
  ZTeamRecordId,
} from '@tollgate/contracts';
import { cancelTeamSubscription, createTeamApp, createTeamKey, deleteTeamApp, markNotificationsRead, renameTeamApp, revokeTeamKey, rollTeamKey, subscribeTeamApp } from '@tollgate/operations';
import { revalidatePath } from 'next/cache';
import { developerActionClient } from '@/lib/safe-action';

// Every action runs its operation as the signed-in developer: the operation, not this file,
// decides which team's records they may touch.

const refresh = () => {
  revalidatePath('/apps');
  revalidatePath('/apps/[slug]', 'page');
};

export const createTeamAppAction = developerActionClient.inputSchema(ZCreateTeamAppRequest).action(async ({ parsedInput, ctx }) => {
  const app = await ctx.run(createTeamApp, parsedInput);
  refresh();
  return app;
});

export const renameTeamAppAction = developerActionClient.inputSchema(ZRenameTeamAppRequest).action(async ({ parsedInput, ctx }) => {
  const app = await ctx.run(renameTeamApp, parsedInput);
  refresh();
  return app;
});

export const deleteTeamAppAction = developerActionClient.inputSchema(ZTeamAppParams).action(async ({ parsedInput, ctx }) => {
  const app = await ctx.run(deleteTeamApp, parsedInput);
  revalidatePath('/apps');
  return app;
});

export const subscribeTeamAppAction = developerActionClient.inputSchema(ZSubscribeTeamAppRequest).action(async ({ parsedInput, ctx }) => {
  const subscription = await ctx.run(subscribeTeamApp, parsedInput);
  refresh();
  return subscription;
});

export const cancelTeamSubscriptionAction = developerActionClient.inputSchema(ZTeamRecordId).action(async ({ parsedInput, ctx }) => {
  const subscription = await ctx.run(cancelTeamSubscription, parsedInput);
  refresh();
  return subscription;
});

export const createTeamKeyAction = developerActionClient.inputSchema(ZCreateTeamKeyRequest).action(async ({ parsedInput, ctx }) => {
  const key = await ctx.run(createTeamKey, parsedInput);
  refresh();
  return key;
});

export const rollTeamKeyAction = developerActionClient.inputSchema(ZRollTeamKeyRequest).action(async ({ parsedInput, ctx }) => {
  const rolled = await ctx.run(rollTeamKey, parsedInput);
  refresh();
  return rolled;
});

export const revokeTeamKeyAction = developerActionClient.inputSchema(ZTeamRecordId).action(async ({ parsedInput, ctx }) => {
  const key = await ctx.run(revokeTeamKey, parsedInput);
  refresh();
  return key;
});

export const markNotificationsReadAction = developerActionClient.inputSchema(ZMarkNotificationsReadRequest).action(async ({ parsedInput, ctx }) => {
  const marked = await ctx.run(markNotificationsRead, parsedInput);
  refresh();
  return marked;
});
