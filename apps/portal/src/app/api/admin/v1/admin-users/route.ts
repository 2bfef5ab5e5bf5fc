import { createAdminUser, listAdminUsers } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listAdminUsers, ctx.query)));

export const POST = apiRoute(async (ctx) => {
  const user = await ctx.run(createAdminUser, ctx.body);
  return { status: 201, body: user, etag: true, headers: { Location: `${ctx.url.pathname}/${user.id}` } };
});
