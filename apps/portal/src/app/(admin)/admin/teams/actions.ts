'use server';

import { ZCreateAppRequest, ZCreateTeamRequest, ZSlug, ZUpdateAppRequest, ZUpdateTeamRequest } from '@tollgate/contracts';
import { createApp, createTeam, deleteApp, deleteTeam, updateApp, updateTeam } from '@tollgate/operations';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminActionClient } from '@/lib/safe-action';

const refresh = () => {
  revalidatePath('/admin/teams', 'layout');
  revalidatePath('/admin/apps', 'layout');
};

export const createTeamAction = adminActionClient.inputSchema(ZCreateTeamRequest).action(async ({ parsedInput, ctx }) => {
  const team = await ctx.run(createTeam, parsedInput);
  refresh();
  return team;
});

export const updateTeamAction = adminActionClient.inputSchema(ZUpdateTeamRequest.extend({ teamSlug: ZSlug })).action(async ({ parsedInput, ctx }) => {
  const team = await ctx.run(updateTeam, parsedInput);
  refresh();
  return team;
});

export const deleteTeamAction = adminActionClient.inputSchema(z.object({ slug: ZSlug })).action(async ({ parsedInput, ctx }) => {
  await ctx.run(deleteTeam, parsedInput);
  refresh();
  return { slug: parsedInput.slug };
});

export const createAppAction = adminActionClient.inputSchema(ZCreateAppRequest).action(async ({ parsedInput, ctx }) => {
  const app = await ctx.run(createApp, parsedInput);
  refresh();
  return app;
});

export const updateAppAction = adminActionClient.inputSchema(ZUpdateAppRequest.extend({ appSlug: ZSlug })).action(async ({ parsedInput, ctx }) => {
  const app = await ctx.run(updateApp, parsedInput);
  refresh();
  return app;
});

export const deleteAppAction = adminActionClient.inputSchema(z.object({ slug: ZSlug })).action(async ({ parsedInput, ctx }) => {
  await ctx.run(deleteApp, parsedInput);
  refresh();
  return { slug: parsedInput.slug };
});
