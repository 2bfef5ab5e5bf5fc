import { newWebhookSecret } from '@tollgate/domain';
import { ZCreateWebhookRequest, type TCreatedWebhook } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { checkWebhookUrl } from './check-webhook-url';
import { toWebhook, WEBHOOK_INCLUDE } from './to-webhook';

/**
 * A webhook receiving signed CloudEvents. The answer carries the signing secret, which is
 * never shown again; it is kept as the worker needs it to sign (HMAC-SHA256), never listed.
 */
export const createWebhook = defineOperation({
  name: 'webhooks.create',
  role: 'admin',
  input: ZCreateWebhookRequest,
  audit: { resourceType: 'webhook' },
  async run(tx, input, ctx): Promise<TCreatedWebhook> {
    const url = await checkWebhookUrl(input.url);
    let teamId: string | null = null;
    if (input.team) {
      const team = await tx.team.findUnique({ where: { slug: input.team }, select: { id: true } });
      if (!team) throw new TollgateError('invalid_params', { invalidParams: [{ name: 'team', reason: `no team with slug "${input.team}"` }] });
      teamId = team.id;
    }
    const secret = newWebhookSecret();
    const row = await tx.webhook.create({
      data: { url, secret, eventTypes: [...new Set(input.events)], teamId, active: input.active },
      include: WEBHOOK_INCLUDE,
    });
    const webhook = toWebhook(row);
    ctx.audit({ resourceId: row.id, after: webhook });
    return { ...webhook, secret };
  },
});
