import { createAdminToken, listAdminTokens } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listAdminTokens, ctx.query)));

/** The answer carries the token itself, once. */
export const POST = apiRoute(async (ctx) => {
  const created = await ctx.run(createAdminToken, ctx.body);
  return { status: 201, body: created, headers: { Location: `${ctx.url.pathname}/${created.id}` } };
});
