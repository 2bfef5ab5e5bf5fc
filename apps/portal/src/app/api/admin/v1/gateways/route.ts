import { listGateways } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

/** Gateway instances, the revision each serves, their last heartbeat, and whether they lag. */
export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listGateways, ctx.query)));
