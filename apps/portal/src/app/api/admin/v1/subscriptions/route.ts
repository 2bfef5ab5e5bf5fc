import { createSubscription, listSubscriptions } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

/** Pending requests first, then active, suspended and cancelled. */
export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listSubscriptions, ctx.query)));

export const POST = apiRoute(async (ctx) => {
  const subscription = await ctx.run(createSubscription, ctx.body);
  return { status: 201, body: subscription, etag: true, headers: { Location: `${ctx.url.pathname}/${subscription.id}` } };
});
