import { deleteApi, getApi, updateApi } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';

type Params = { slug: string };

export const GET = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(getApi, { slug: ctx.params.slug }), etag: true }));

/** Changes the fields given; `If-Match` with the ETag of a read refuses a stale write (412). */
export const PATCH = apiRoute<Params>(async (ctx) => ({
  body: await ctx.run(updateApi, { ...bodyObject(ctx.body), apiSlug: ctx.params.slug }),
  etag: true,
}));

export const DELETE = apiRoute<Params>(async (ctx) => {
  await ctx.run(deleteApi, { slug: ctx.params.slug });
  return { status: 204 };
});
