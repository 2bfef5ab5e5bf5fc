import { deleteApp, getApp, updateApp } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';

type Params = { slug: string };

export const GET = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(getApp, { slug: ctx.params.slug }), etag: true }));

/** Changes the fields given (name, slug, description); `If-Match` refuses a stale write (412). */
export const PATCH = apiRoute<Params>(async (ctx) => ({
  body: await ctx.run(updateApp, { ...bodyObject(ctx.body), appSlug: ctx.params.slug }),
  etag: true,
}));

export const DELETE = apiRoute<Params>(async (ctx) => {
  await ctx.run(deleteApp, { slug: ctx.params.slug });
  return { status: 204 };
});
