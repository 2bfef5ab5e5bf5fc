import { deleteAlertRule, getAlertRule, updateAlertRule } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';

type Params = { id: string };

export const GET = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(getAlertRule, { id: ctx.params.id }), etag: true }));

export const PATCH = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(updateAlertRule, { ...bodyObject(ctx.body), id: ctx.params.id }), etag: true }));

export const DELETE = apiRoute<Params>(async (ctx) => {
  await ctx.run(deleteAlertRule, { id: ctx.params.id });
  return { status: 204 };
});
