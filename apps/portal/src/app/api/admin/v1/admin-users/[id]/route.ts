import { getAdminUser, removeAdminUser, updateAdminUser } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';

type Params = { id: string };

export const GET = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(getAdminUser, { id: ctx.params.id }), etag: true }));

export const PATCH = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(updateAdminUser, { ...bodyObject(ctx.body), id: ctx.params.id }), etag: true }));

/** Takes away the admin rights; the person keeps a developer account. */
export const DELETE = apiRoute<Params>(async (ctx) => {
  await ctx.run(removeAdminUser, { id: ctx.params.id });
  return { status: 204 };
});
