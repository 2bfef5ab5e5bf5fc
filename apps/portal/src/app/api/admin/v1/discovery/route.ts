import { listDiscoveryPage } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

/** The discovered endpoints, most hits first, then orphans; `kind`, `method`, `search` and `status` filter them. */
export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listDiscoveryPage, ctx.query)));
