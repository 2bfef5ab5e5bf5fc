import { ZMoveSubscriptionRequest, ZSubscriptionIdParams } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { findSubscriptionOrThrow } from './find-subscription-or-throw';
import { SUBSCRIPTION_INCLUDE, toSubscriptionResource } from './to-subscription-resource';

/** Moves a subscription to another plan covering the same API; its status stays (an admin's move needs no approval). */
export const moveSubscription = defineOperation({
  name: 'subscriptions.move',
  role: 'admin',
  input: ZMoveSubscriptionRequest.extend(ZSubscriptionIdParams.shape),
  audit: { resourceType: 'subscription' },
  async run(tx, input, ctx) {
    const current = await findSubscriptionOrThrow(tx, input.id, { forUpdate: true });
    const before = toSubscriptionResource(current);
    ctx.checkIfMatch(before);
    if (current.status === 'cancelled') throw new TollgateError('conflict', { detail: 'The subscription is cancelled: subscribe the app again instead.' });
    const plan = await tx.plan.findUnique({ where: { slug: input.plan }, select: { id: true, apis: { where: { apiId: current.apiId }, select: { apiId: true } } } });
    const invalid = (reason: string) => new TollgateError('invalid_params', { detail: `plan ${reason}.`, invalidParams: [{ name: 'plan', reason }] });
    if (!plan) throw invalid(`no plan with slug "${input.plan}"`);
    if (plan.apis.length === 0) throw invalid(`does not cover API "${current.api.slug}"`);
    const row = await tx.subscription.update({ where: { id: current.id }, data: { planId: plan.id }, include: SUBSCRIPTION_INCLUDE });
    const after = toSubscriptionResource(row);
    ctx.configChanged('subscription', row.id, `${after.app}/${after.api}`);
    ctx.audit({ resourceId: row.id, before, after });
    return after;
  },
});
