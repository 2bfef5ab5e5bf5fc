import { deletePlan, getPlan, updatePlan } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';

type Params = { slug: string };

export const GET = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(getPlan, { slug: ctx.params.slug }), etag: true }));

export const PATCH = apiRoute<Params>(async (ctx) => ({
  body: await ctx.run(updatePlan, { ...bodyObject(ctx.body), planSlug: ctx.params.slug }),
  etag: true,
}));

export const DELETE = apiRoute<Params>(async (ctx) => {
  await ctx.run(deletePlan, { slug: ctx.params.slug });
  return { status: 204 };
});
