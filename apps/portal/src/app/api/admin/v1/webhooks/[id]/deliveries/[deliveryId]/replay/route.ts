import { replayWebhookDelivery } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';

type Params = { id: string; deliveryId: string };

/** Queues a dead or delivered delivery again; the worker sends it on its next poll. */
export const POST = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(replayWebhookDelivery, { webhookId: ctx.params.id, deliveryId: ctx.params.deliveryId }) }));
