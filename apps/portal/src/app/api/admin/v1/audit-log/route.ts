import { listAuditLog } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

/** Newest first; `?actor=&resourceType=&resourceId=&from=&to=` filter, `cursor`/`limit` page. */
export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listAuditLog, ctx.query)));
