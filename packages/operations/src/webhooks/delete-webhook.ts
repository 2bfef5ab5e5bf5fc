import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findWebhookOrThrow } from './find-webhook-or-throw';
import { toWebhook } from './to-webhook';

/** Removes a webhook with its delivery log and dead letters. */
export const deleteWebhook = defineOperation({
  name: 'webhooks.delete',
  role: 'admin',
  input: z.strictObject({ id: z.string().max(100) }),
  audit: { resourceType: 'webhook' },
  async run(tx, input, ctx) {
    const current = await findWebhookOrThrow(tx, input.id, { forUpdate: true });
    const before = toWebhook(current);
    ctx.checkIfMatch(before);
    await tx.webhook.delete({ where: { id: current.id } });
    ctx.audit({ resourceId: current.id, before });
    return before;
  },
});
