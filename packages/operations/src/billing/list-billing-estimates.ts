import { z } from 'zod';
import { ZSlug } from '@tollgate/contracts';
import { listBillableSubscriptions, loadPeriodUsage } from '@tollgate/db';
import { billingPeriodAt, computeStatement, statementAmountsJson, type StatementAmountsJson } from '@tollgate/domain';
import { defineOperation } from '../core/define-operation';
import { resolveUsageScope } from '../usage/usage-scope';

/** The current period's estimate of one subscription; amounts as statements carry them (strings). */
export interface BillingEstimate extends StatementAmountsJson {
  subscriptionId: string;
  app: string;
  api: string;
  plan: string;
  periodStart: string;
  periodEnd: string;
}

const ZBillingEstimatesQuery = z.strictObject({ app: ZSlug.optional() });

/**
 * The running estimate of the current period per subscription in scope: the worker's own
 * computation (billingPeriodAt, the period's usage from the rollups, computeStatement) done
 * now, without writing, so it is never older than the rollups.
 */
export const listBillingEstimates = defineOperation({
  name: 'billing.estimates',
  role: 'developer',
  input: ZBillingEstimatesQuery,
  async run(tx, input, ctx) {
    const scope = await resolveUsageScope(tx, ctx.principal, input);
    if (scope.appIds !== null && scope.appIds.length === 0) return [];
    const now = new Date();
    const subscriptions = await listBillableSubscriptions(tx, scope.appIds === null ? {} : { appIds: scope.appIds });
    const current = subscriptions.filter((subscription) => subscription.status !== 'cancelled' && now >= subscription.billingAnchor);
    return Promise.all(
      current.map(async (subscription): Promise<BillingEstimate> => {
        const period = billingPeriodAt(subscription.billingAnchor, subscription.timeZone, now);
        const amounts = computeStatement(subscription.plan, await loadPeriodUsage(tx, subscription.id, period.start, period.end));
        return {
          subscriptionId: subscription.id,
          app: subscription.appSlug,
          api: subscription.apiSlug,
          plan: subscription.planSlug,
          periodStart: period.start.toISOString(),
          periodEnd: period.end.toISOString(),
          ...statementAmountsJson(amounts),
        };
      }),
    );
  },
});
