import { createAlertRule, listAlertRules } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listAlertRules, ctx.query)));

export const POST = apiRoute(async (ctx) => {
  const created = await ctx.run(createAlertRule, ctx.body);
  return { status: 201, body: created, headers: { Location: `${ctx.url.pathname}/${created.id}` } };
});
