import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findWebhookOrThrow } from './find-webhook-or-throw';
import { toWebhook } from './to-webhook';

export const getWebhook = defineOperation({
  name: 'webhooks.get',
  role: 'viewer',
  input: z.strictObject({ id: z.string().max(100) }),
  async run(tx, input) {
    return toWebhook(await findWebhookOrThrow(tx, input.id));
  },
});
