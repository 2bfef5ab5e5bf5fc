import { buildCloudEvent, computeStatement, endedBillingPeriods, STATEMENT_CLOSED, statementAmountsJson } from '@tollgate/domain';
import type { Db } from '../client/create-db';
import { enqueueWebhookEvent } from '../webhooks/enqueue-webhook-event';
import { listBillableSubscriptions, type BillableSubscription } from './billable-subscription';
import { loadPeriodUsage } from './load-period-usage';
import { writeStatement } from './write-statement';

export interface CloseOptions {
  /** Wait this long after a period ends before closing it, so late usage still lands. Default 5 min. */
  graceMs?: number;
  /** CloudEvents `source` of the statement.closed events. */
  source?: string;
  appSlug?: string;
}

export const DEFAULT_CLOSE_GRACE_MS = 5 * 60_000;
export const DEFAULT_EVENT_SOURCE = '/tollgate/billing';

async function lastClosedEnds(db: Db): Promise<Map<string, Date>> {
  const rows = await db.billingStatement.groupBy({ by: ['subscriptionId'], where: { status: 'closed' }, _max: { periodEnd: true } });
  return new Map(rows.filter((row) => row._max.periodEnd).map((row) => [row.subscriptionId, row._max.periodEnd!]));
}

async function closeOne(db: Db, subscription: BillableSubscription, period: ReturnType<typeof endedBillingPeriods>[number], now: Date, source: string) {
  return db.$transaction(async (tx) => {
    const usage = await loadPeriodUsage(tx, subscription.id, period.start, period.end);
    const amounts = computeStatement(subscription.plan, usage);
    const written = await writeStatement(tx, { subscriptionId: subscription.id, period, amounts, now, close: true });
    if (!written) return undefined;
    const event = buildCloudEvent({
      id: `stmt_${written.id}`,
      source,
      type: STATEMENT_CLOSED,
      subject: subscription.appSlug,
      time: now,
      data: {
        statementId: written.id,
        subscriptionId: subscription.id,
        app: subscription.appSlug,
        api: subscription.apiSlug,
        plan: subscription.planSlug,
        periodStart: period.start.toISOString(),
        periodEnd: period.end.toISOString(),
        ...statementAmountsJson(amounts),
      },
    });
    await enqueueWebhookEvent(tx, { teamId: subscription.teamId, event, now });
    return written.id;
  });
}

/**
 * Closes every period that ended (plus the grace) and has no closed statement yet: the
 * statement is computed from the rollups one last time, marked closed (immutable from
 * then on) and a `dev.tollgate.statement.closed` event is queued for the webhooks.
 * Safe to run from several processes at once: a closed statement is never rewritten.
 */
export async function closeDueStatements(db: Db, now: Date, options: CloseOptions = {}): Promise<{ closed: string[] }> {
  const until = new Date(now.getTime() - (options.graceMs ?? DEFAULT_CLOSE_GRACE_MS));
  const source = options.source ?? DEFAULT_EVENT_SOURCE;
  const [subscriptions, closedEnds] = await Promise.all([listBillableSubscriptions(db, { appSlug: options.appSlug }), lastClosedEnds(db)]);
  const closed: string[] = [];
  for (const subscription of subscriptions) {
    const from = closedEnds.get(subscription.id) ?? subscription.billingAnchor;
    const periods = endedBillingPeriods(subscription.billingAnchor, subscription.timeZone, from, until).filter(
      // A cancelled subscription gets statements up to its cancellation, not forever.
      (period) => subscription.status !== 'cancelled' || period.start.getTime() < subscription.updatedAt.getTime(),
    );
    for (const period of periods) {
      const id = await closeOne(db, subscription, period, now, source);
      if (id) closed.push(id);
    }
  }
  return { closed };
}
