import { billingPeriodAt, computeStatement } from '@tollgate/domain';
import type { Db } from '../client/create-db';
import { listBillableSubscriptions } from './billable-subscription';
import { loadUsageForPeriods } from './load-period-usage';
import { writeStatement } from './write-statement';

const CHUNK = 500;

export interface RefreshResult {
  refreshed: number;
}

/**
 * Recomputes the current period's statement (the live estimate) of every active or
 * suspended subscription from the rollups. Cheap to call every minute.
 */
export async function refreshOpenStatements(db: Db, now: Date, filter: { appSlug?: string; subscriptionIds?: string[] } = {}): Promise<RefreshResult> {
  const subscriptions = await listBillableSubscriptions(db, filter);
  const due = subscriptions
    .filter((subscription) => subscription.status !== 'cancelled' && now.getTime() >= subscription.billingAnchor.getTime())
    .map((subscription) => ({ subscription, period: billingPeriodAt(subscription.billingAnchor, subscription.timeZone, now) }));
  let refreshed = 0;
  // Usage is read for a chunk of subscriptions at once; each statement is one write.
  for (let offset = 0; offset < due.length; offset += CHUNK) {
    const chunk = due.slice(offset, offset + CHUNK);
    const usage = await loadUsageForPeriods(db, chunk.map(({ subscription, period }) => ({ subscriptionId: subscription.id, start: period.start, end: period.end })));
    for (const { subscription, period } of chunk) {
      const amounts = computeStatement(subscription.plan, usage.get(subscription.id) ?? []);
      const written = await writeStatement(db, { subscriptionId: subscription.id, period, amounts, now, close: false });
      if (written) refreshed += 1;
    }
  }
  return { refreshed };
}
