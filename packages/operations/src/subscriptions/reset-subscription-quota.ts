import { ZSubscriptionIdParams } from '@tollgate/contracts';
import { resetQuotaInTransaction } from '@tollgate/db';
import { defineOperation } from '../core/define-operation';
import { findSubscriptionOrThrow } from './find-subscription-or-throw';
import { SUBSCRIPTION_INCLUDE, toSubscriptionResource } from './to-subscription-resource';

/** Starts the current quota period afresh from now; gateways count from this instant once they load the revision. */
export const resetSubscriptionQuota = defineOperation({
  name: 'subscriptions.reset_quota',
  role: 'admin',
  input: ZSubscriptionIdParams,
  audit: { resourceType: 'subscription' },
  async run(tx, input, ctx) {
    const current = await findSubscriptionOrThrow(tx, input.id, { forUpdate: true });
    const before = toSubscriptionResource(current);
    ctx.checkIfMatch(before);
    // Bumps the config revision itself, in this transaction.
    await resetQuotaInTransaction(tx, { appSlug: current.app.slug, apiSlug: current.api.slug });
    const after = toSubscriptionResource(await tx.subscription.findUniqueOrThrow({ where: { id: current.id }, include: SUBSCRIPTION_INCLUDE }));
    ctx.audit({ resourceId: current.id, before, after });
    return after;
  },
});
