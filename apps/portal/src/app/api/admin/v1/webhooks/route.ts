import { createWebhook, listWebhooks } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listWebhooks, ctx.query)));

/** The answer carries the signing secret, once. */
export const POST = apiRoute(async (ctx) => {
  const created = await ctx.run(createWebhook, ctx.body);
  return { status: 201, body: created, headers: { Location: `${ctx.url.pathname}/${created.id}` } };
});
