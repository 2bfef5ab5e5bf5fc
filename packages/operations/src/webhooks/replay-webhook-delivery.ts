import { TollgateError } from '@tollgate/errors';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findWebhookOrThrow, UUID } from './find-webhook-or-throw';
import { toWebhookDelivery } from './to-webhook';

/**
 * Puts a dead (or delivered) delivery back in the queue for an attempt now, its attempts
 * reset; the worker sends it with the same CloudEvents id, so a receiver can drop a repeat.
 * One still queued is a 409: it may be in flight.
 */
export const replayWebhookDelivery = defineOperation({
  name: 'webhooks.deliveries.replay',
  role: 'admin',
  input: z.strictObject({ webhookId: z.string().max(100), deliveryId: z.string().max(100) }),
  audit: { resourceType: 'webhook_delivery' },
  async run(tx, input, ctx) {
    const webhook = await findWebhookOrThrow(tx, input.webhookId);
    const missing = () => new TollgateError('not_found', { detail: 'No delivery with this id for this webhook.' });
    if (!UUID.test(input.deliveryId)) throw missing();
    await tx.$queryRaw`SELECT 1 FROM "webhook_deliveries" WHERE "id" = ${input.deliveryId}::uuid FOR UPDATE`;
    const current = await tx.webhookDelivery.findFirst({ where: { id: input.deliveryId, webhookId: webhook.id }, omit: { payload: true } });
    if (!current) throw missing();
    const before = toWebhookDelivery(current);
    if (current.status === 'pending') throw new TollgateError('conflict', { detail: 'This delivery is still queued; the worker will send it.' });
    if (!webhook.active) throw new TollgateError('conflict', { detail: 'The webhook is paused: activate it first, or the delivery would wait forever.' });
    const row = await tx.webhookDelivery.update({
      where: { id: current.id },
      data: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null, deliveredAt: null },
      omit: { payload: true },
    });
    const after = toWebhookDelivery(row);
    ctx.audit({ resourceId: row.id, before, after });
    return after;
  },
});
