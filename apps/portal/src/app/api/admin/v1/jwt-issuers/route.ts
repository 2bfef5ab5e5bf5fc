import { createJwtIssuer, listJwtIssuers } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listJwtIssuers, ctx.query)));

export const POST = apiRoute(async (ctx) => {
  const issuer = await ctx.run(createJwtIssuer, ctx.body);
  return { status: 201, body: issuer, etag: true, headers: { Location: `${ctx.url.pathname}/${issuer.id}` } };
});
