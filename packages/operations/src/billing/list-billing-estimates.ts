import { z } from 'zod';
import { ZSlug } from '@tollgate/contracts';
import { listBillableSubscriptions, loadPeriodUsage } from '@tollgate/db';
import { billingPeriodAt, computeStatement, type StatementLineItem } from '@tollgate/domain';
import { defineOperation } from '../core/define-operation';
import { resolveUsageScope } from '../usage/usage-scope';

export interface BillingEstimate {
  subscriptionId: string;
  app: string;
  api: string;
  plan: string;
  periodStart: string;
  periodEnd: string;
  currency: string;
  /** Amounts as strings (bigint cents and units), as statements carry them. */
  includedUnits: string;
  usedUnits: string;
  overageUnits: string;
  baseCents: string;
  overageCents: string;
  totalCents: string;
  lineItems: StatementLineItem[];
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
          currency: amounts.currency,
          includedUnits: amounts.includedUnits.toString(),
          usedUnits: amounts.usedUnits.toString(),
          overageUnits: amounts.overageUnits.toString(),
          baseCents: amounts.baseCents.toString(),
          overageCents: amounts.overageCents.toString(),
          totalCents: amounts.totalCents.toString(),
          lineItems: amounts.lineItems,
        };
      }),
    );
  },
});
