import { listRequestLog } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

/** Requests newest first within `from`/`to` (default the last 24 h, at most 7 days); filters and `cursor`/`limit` in the query. */
export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listRequestLog, ctx.query)));
