import { ZListWebhookDeliveriesQuery } from '@tollgate/contracts';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { findWebhookOrThrow, UUID } from './find-webhook-or-throw';
import { toWebhookDelivery } from './to-webhook';

const CURSOR = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\|([0-9a-f-]{36})$/;

/** A webhook's delivery log, newest first; `status: dead` lists its dead letters. */
export const listWebhookDeliveries = defineOperation({
  name: 'webhooks.deliveries.list',
  role: 'viewer',
  input: ZListWebhookDeliveriesQuery.extend({ webhookId: z.string().max(100) }),
  async run(tx, input) {
    const webhook = await findWebhookOrThrow(tx, input.webhookId);
    const cursor = decodeCursor(input.cursor, (value) => CURSOR.test(value) && UUID.test(value.split('|')[1]!));
    const [at, id] = cursor ? cursor.split('|') : [];
    const rows = await tx.webhookDelivery.findMany({
      where: {
        webhookId: webhook.id,
        ...(input.status ? { status: input.status } : {}),
        ...(at && id ? { OR: [{ createdAt: { lt: new Date(at) } }, { createdAt: new Date(at), id: { lt: id } }] } : {}),
      },
      omit: { payload: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: input.limit + 1,
    });
    return pageOf(rows, input.limit, (row) => `${row.createdAt.toISOString()}|${row.id}`, toWebhookDelivery);
  },
});
