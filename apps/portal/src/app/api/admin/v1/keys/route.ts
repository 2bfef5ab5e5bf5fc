import { createKey, listKeys } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

/** Keys newest first: prefixes and facts, never a secret. */
export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listKeys, ctx.query)));

/** The answer carries the key itself, this once; an Idempotency-Key replays it to the same caller only. */
export const POST = apiRoute(async (ctx) => {
  const key = await ctx.run(createKey, ctx.body);
  return { status: 201, body: key, headers: { Location: `${ctx.url.pathname}/${key.id}` } };
});
