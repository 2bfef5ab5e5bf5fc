import { billingPeriodAt, computeStatement } from '@tollgate/domain';
import type { Db } from '../client/create-db';
import { listBillableSubscriptions } from './billable-subscription';
import { loadPeriodUsage } from './load-period-usage';
import { writeStatement } from './write-statement';

export interface RefreshResult {
  refreshed: number;
}

/**
 * Recomputes the current period's statement (the live estimate) of every active or
 * suspended subscription from the rollups. Cheap to call every minute.
 */
export async function refreshOpenStatements(db: Db, now: Date, filter: { appSlug?: string; subscriptionIds?: string[] } = {}): Promise<RefreshResult> {
  const subscriptions = await listBillableSubscriptions(db, filter);
  let refreshed = 0;
  for (const subscription of subscriptions) {
    if (subscription.status === 'cancelled') continue;
    if (now.getTime() < subscription.billingAnchor.getTime()) continue;
    const period = billingPeriodAt(subscription.billingAnchor, subscription.timeZone, now);
    const usage = await loadPeriodUsage(db, subscription.id, period.start, period.end);
    const amounts = computeStatement(subscription.plan, usage);
    const written = await writeStatement(db, { subscriptionId: subscription.id, period, amounts, now, close: false });
    if (written) refreshed += 1;
  }
  return { refreshed };
}
