import { ZCreateSubscriptionRequest } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { checkSubscribable } from './check-subscribable';
import { SUBSCRIPTION_INCLUDE, toSubscriptionResource } from './to-subscription-resource';

const invalid = (name: string, reason: string) => new TollgateError('invalid_params', { detail: `${name} ${reason}.`, invalidParams: [{ name, reason }] });

/**
 * An admin subscribes an app to an API on a plan that covers it. A plan with
 * approvalRequired starts the subscription pending; a cancelled one is opened again.
 */
export const createSubscription = defineOperation({
  name: 'subscriptions.create',
  role: 'admin',
  input: ZCreateSubscriptionRequest,
  audit: { resourceType: 'subscription' },
  async run(tx, input, ctx) {
    // One after another: a transaction holds one connection.
    const app = await tx.app.findUnique({ where: { slug: input.app }, select: { id: true, team: { select: { slug: true, partner: true } } } });
    const api = await tx.api.findUnique({ where: { slug: input.api }, select: { id: true, slug: true, visibility: true, status: true } });
    const plan = await tx.plan.findUnique({ where: { slug: input.plan }, select: { id: true, approvalRequired: true, apis: { select: { apiId: true } } } });
    if (!app) throw invalid('app', `no app with slug "${input.app}"`);
    if (!api) throw invalid('api', `no API with slug "${input.api}"`);
    if (!plan) throw invalid('plan', `no plan with slug "${input.plan}"`);
    if (!plan.apis.some((link) => link.apiId === api.id)) throw invalid('plan', `does not cover API "${input.api}"`);
    checkSubscribable({ api, team: app.team, by: 'admin' });
    const status = plan.approvalRequired ? 'pending' : 'active';
    const existing = await tx.subscription.findUnique({ where: { appId_apiId: { appId: app.id, apiId: api.id } }, include: SUBSCRIPTION_INCLUDE });
    if (existing && existing.status !== 'cancelled') {
      throw new TollgateError('conflict', { detail: `App "${input.app}" already subscribes to "${input.api}" (${existing.status}).`, invalidParams: [{ name: 'api', reason: `app "${input.app}" already subscribes to it` }] });
    }
    const data = { planId: plan.id, status, statusReason: null, quotaOverride: null, quotaResetAt: null } as const;
    const row = existing
      ? await tx.subscription.update({ where: { id: existing.id }, data, include: SUBSCRIPTION_INCLUDE })
      : await tx.subscription.create({ data: { ...data, appId: app.id, apiId: api.id }, include: SUBSCRIPTION_INCLUDE });
    const after = toSubscriptionResource(row);
    ctx.configChanged('subscription', row.id, `${after.app}/${after.api}`);
    ctx.audit({ resourceId: row.id, ...(existing ? { before: toSubscriptionResource(existing) } : {}), after });
    return after;
  },
});
