import { createRoute, listRoutes } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';
import { pageReply } from '@/lib/api/page-reply';

type Params = { slug: string };

export const GET = apiRoute<Params>(async (ctx) => pageReply(ctx.url, await ctx.run(listRoutes, { ...ctx.query, apiSlug: ctx.params.slug })));

export const POST = apiRoute<Params>(async (ctx) => {
  const route = await ctx.run(createRoute, { ...bodyObject(ctx.body), apiSlug: ctx.params.slug });
  return { status: 201, body: route, etag: true, headers: { Location: `${ctx.url.pathname}/${route.id}` } };
});
