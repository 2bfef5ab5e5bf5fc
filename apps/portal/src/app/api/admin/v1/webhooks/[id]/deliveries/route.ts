import { listWebhookDeliveries } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

/** The delivery log, newest first; `?status=dead` lists the dead letters. */
export const GET = apiRoute<{ id: string }>(async (ctx) => pageReply(ctx.url, await ctx.run(listWebhookDeliveries, { ...ctx.query, webhookId: ctx.params.id })));
