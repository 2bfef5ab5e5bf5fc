import { createApp, listApps } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listApps, ctx.query)));

export const POST = apiRoute(async (ctx) => {
  const app = await ctx.run(createApp, ctx.body);
  return { status: 201, body: app, etag: true, headers: { Location: `${ctx.url.pathname}/${app.slug}` } };
});
