import { ZPageQuery, type TWebhookSummary } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { UUID } from './find-webhook-or-throw';
import { toWebhook, WEBHOOK_INCLUDE } from './to-webhook';

/** Webhooks in id order, each with its queue: deliveries pending and dead letters. */
export const listWebhooks = defineOperation({
  name: 'webhooks.list',
  role: 'viewer',
  input: ZPageQuery,
  async run(tx, input) {
    const after = decodeCursor(input.cursor, (value) => UUID.test(value));
    const rows = await tx.webhook.findMany({ where: after ? { id: { gt: after } } : {}, include: WEBHOOK_INCLUDE, orderBy: { id: 'asc' }, take: input.limit + 1 });
    const ids = rows.slice(0, input.limit).map((row) => row.id);
    const counts = await tx.webhookDelivery.groupBy({ by: ['webhookId', 'status'], where: { webhookId: { in: ids }, status: { in: ['pending', 'dead'] } }, _count: { _all: true } });
    const count = (id: string, status: string) => counts.find((entry) => entry.webhookId === id && entry.status === status)?._count._all ?? 0;
    return pageOf(rows, input.limit, (row) => row.id, (row): TWebhookSummary => ({ ...toWebhook(row), pending: count(row.id, 'pending'), dead: count(row.id, 'dead') }));
  },
});
