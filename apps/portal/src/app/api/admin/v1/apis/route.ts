import { createApi, listApis } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listApis, ctx.query)));

export const POST = apiRoute(async (ctx) => {
  const api = await ctx.run(createApi, ctx.body);
  return { status: 201, body: api, etag: true, headers: { Location: `${ctx.url.pathname}/${api.slug}` } };
});
