import { deleteRoute, getRoute, updateRoute } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';

type Params = { slug: string; routeId: string };

export const GET = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(getRoute, { apiSlug: ctx.params.slug, routeId: ctx.params.routeId }), etag: true }));

export const PATCH = apiRoute<Params>(async (ctx) => ({
  body: await ctx.run(updateRoute, { ...bodyObject(ctx.body), apiSlug: ctx.params.slug, routeId: ctx.params.routeId }),
  etag: true,
}));

export const DELETE = apiRoute<Params>(async (ctx) => {
  await ctx.run(deleteRoute, { apiSlug: ctx.params.slug, routeId: ctx.params.routeId });
  return { status: 204 };
});
