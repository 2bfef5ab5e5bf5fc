'use server';

import {
  ZBlockDiscoveredEndpointRequest,
  ZIgnoreDiscoveredEndpointRequest,
  ZMergeDiscoveredEndpointsRequest,
  ZPromoteDiscoveredEndpointRequest,
  ZSetBodySamplingRequest,
  ZSplitDiscoveredEndpointRequest,
} from '@tollgate/contracts';
import { blockDiscoveredEndpoint, ignoreDiscoveredEndpoint, mergeDiscoveredEndpoints, promoteDiscoveredEndpoint, setBodySampling, splitDiscoveredEndpoint } from '@tollgate/operations';
import { revalidatePath } from 'next/cache';
import { adminActionClient } from '@/lib/safe-action';

const refresh = () => revalidatePath('/admin/discovery');

/** A route on the API and an OpenAPI stub to complete; the gateway serves it within a second. */
export const promoteEndpointAction = adminActionClient.inputSchema(ZPromoteDiscoveredEndpointRequest).action(async ({ parsedInput, ctx }) => {
  const promoted = await ctx.run(promoteDiscoveredEndpoint, parsedInput);
  refresh();
  revalidatePath('/admin/apis/[slug]', 'page');
  return promoted;
});

/** The gateway answers the template with 404 or 410 problem+json within a second (status null lifts it). */
export const blockEndpointAction = adminActionClient.inputSchema(ZBlockDiscoveredEndpointRequest).action(async ({ parsedInput, ctx }) => {
  const endpoint = await ctx.run(blockDiscoveredEndpoint, parsedInput);
  refresh();
  return endpoint;
});

export const ignoreEndpointAction = adminActionClient.inputSchema(ZIgnoreDiscoveredEndpointRequest).action(async ({ parsedInput, ctx }) => {
  const endpoint = await ctx.run(ignoreDiscoveredEndpoint, parsedInput);
  refresh();
  return endpoint;
});

export const splitEndpointAction = adminActionClient.inputSchema(ZSplitDiscoveredEndpointRequest).action(async ({ parsedInput, ctx }) => {
  const split = await ctx.run(splitDiscoveredEndpoint, parsedInput);
  refresh();
  return split;
});

export const mergeEndpointsAction = adminActionClient.inputSchema(ZMergeDiscoveredEndpointsRequest).action(async ({ parsedInput, ctx }) => {
  const merged = await ctx.run(mergeDiscoveredEndpoints, parsedInput);
  refresh();
  return merged;
});

/** Body sampling on (1 in rate) or off (rate null) for one API; the gateways follow within a second. */
export const setBodySamplingAction = adminActionClient.inputSchema(ZSetBodySamplingRequest).action(async ({ parsedInput, ctx }) => {
  const sampling = await ctx.run(setBodySampling, parsedInput);
  refresh();
  return sampling;
});
