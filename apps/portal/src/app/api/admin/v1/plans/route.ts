import { createPlan, listPlans } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listPlans, ctx.query)));

export const POST = apiRoute(async (ctx) => {
  const plan = await ctx.run(createPlan, ctx.body);
  return { status: 201, body: plan, etag: true, headers: { Location: `${ctx.url.pathname}/${plan.slug}` } };
});
