import { deleteTeam, getTeam, updateTeam } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';

type Params = { slug: string };

export const GET = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(getTeam, { slug: ctx.params.slug }), etag: true }));

/** Changes the fields given (name, slug, partner); `If-Match` refuses a stale write (412). */
export const PATCH = apiRoute<Params>(async (ctx) => ({
  body: await ctx.run(updateTeam, { ...bodyObject(ctx.body), teamSlug: ctx.params.slug }),
  etag: true,
}));

export const DELETE = apiRoute<Params>(async (ctx) => {
  await ctx.run(deleteTeam, { slug: ctx.params.slug });
  return { status: 204 };
});
