import { ZUpdateWebhookRequest } from '@tollgate/contracts';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { checkWebhookUrl } from './check-webhook-url';
import { findWebhookOrThrow } from './find-webhook-or-throw';
import { toWebhook, WEBHOOK_INCLUDE } from './to-webhook';

/** Changes the URL (checked again), the event types or whether it is active; the secret stays. */
export const updateWebhook = defineOperation({
  name: 'webhooks.update',
  role: 'admin',
  input: ZUpdateWebhookRequest.extend({ id: z.string().max(100) }),
  audit: { resourceType: 'webhook' },
  async run(tx, { id, ...changes }, ctx) {
    const current = await findWebhookOrThrow(tx, id, { forUpdate: true });
    const before = toWebhook(current);
    ctx.checkIfMatch(before);
    const url = changes.url !== undefined ? await checkWebhookUrl(changes.url) : undefined;
    const row = await tx.webhook.update({
      where: { id: current.id },
      data: { ...(url ? { url } : {}), ...(changes.events ? { eventTypes: [...new Set(changes.events)] } : {}), ...(changes.active !== undefined ? { active: changes.active } : {}) },
      include: WEBHOOK_INCLUDE,
    });
    const after = toWebhook(row);
    ctx.audit({ resourceId: row.id, before, after });
    return after;
  },
});
