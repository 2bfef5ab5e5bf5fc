'use server';

import { ZCreateApiRequest, ZCreateRouteRequest, ZImportApiRequest, ZSlug, ZUpdateApiRequest, ZUpdateRouteRequest, ZUpdateUpstreamRequest } from '@tollgate/contracts';
import { createApi, createRoute, deleteApi, deleteRoute, importApi, updateApi, updateRoute, updateUpstream } from '@tollgate/operations';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminActionClient } from '@/lib/safe-action';

const refresh = (slug?: string) => {
  revalidatePath('/admin/apis');
  if (slug) revalidatePath(`/admin/apis/${slug}`);
};

export const createApiAction = adminActionClient.inputSchema(ZCreateApiRequest).action(async ({ parsedInput, ctx }) => {
  const api = await ctx.run(createApi, parsedInput);
  refresh();
  return api;
});

export const importApiAction = adminActionClient.inputSchema(ZImportApiRequest).action(async ({ parsedInput, ctx }) => {
  const result = await ctx.run(importApi, parsedInput);
  refresh(result.api.slug);
  return result;
});

export const updateApiAction = adminActionClient.inputSchema(ZUpdateApiRequest.extend({ apiSlug: ZSlug })).action(async ({ parsedInput, ctx }) => {
  const api = await ctx.run(updateApi, parsedInput);
  refresh(parsedInput.apiSlug);
  if (api.slug !== parsedInput.apiSlug) refresh(api.slug);
  return api;
});

export const deleteApiAction = adminActionClient.inputSchema(z.object({ slug: ZSlug })).action(async ({ parsedInput, ctx }) => {
  await ctx.run(deleteApi, parsedInput);
  refresh();
  return { slug: parsedInput.slug };
});

export const createRouteAction = adminActionClient.inputSchema(ZCreateRouteRequest.extend({ apiSlug: ZSlug })).action(async ({ parsedInput, ctx }) => {
  const route = await ctx.run(createRoute, parsedInput);
  refresh(parsedInput.apiSlug);
  return route;
});

export const updateRouteAction = adminActionClient.inputSchema(ZUpdateRouteRequest.extend({ apiSlug: ZSlug, routeId: z.uuid() })).action(async ({ parsedInput, ctx }) => {
  const route = await ctx.run(updateRoute, parsedInput);
  refresh(parsedInput.apiSlug);
  return route;
});

export const deleteRouteAction = adminActionClient.inputSchema(z.object({ apiSlug: ZSlug, routeId: z.uuid() })).action(async ({ parsedInput, ctx }) => {
  await ctx.run(deleteRoute, parsedInput);
  refresh(parsedInput.apiSlug);
  return { routeId: parsedInput.routeId };
});

export const updateUpstreamAction = adminActionClient.inputSchema(ZUpdateUpstreamRequest.extend({ apiSlug: ZSlug })).action(async ({ parsedInput, ctx }) => {
  const upstream = await ctx.run(updateUpstream, parsedInput);
  refresh(parsedInput.apiSlug);
  return upstream;
});
