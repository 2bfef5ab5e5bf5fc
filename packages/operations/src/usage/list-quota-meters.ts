import { z } from 'zod';
import { ZSlug } from '@tollgate/contracts';
import { loadPeriodUsage } from '@tollgate/db';
import { quotaPeriod, type QuotaPer } from '@tollgate/domain';
import { defineOperation, type Tx } from '../core/define-operation';
import { resolveUsageScope, type UsageScope } from './usage-scope';

export interface QuotaMeter {
  subscriptionId: string;
  app: string;
  api: string;
  plan: string;
  /** Units the period allows (the admin's override when set); null when the plan has no quota. */
  limit: number | null;
  per: QuotaPer | null;
  /** Units counted since the period began (or since an admin reset it). */
  used: number;
  /** Units left before the gateway refuses (or bills overage); null without a quota. */
  left: number | null;
  /** ISO start of the counting: the period's start, or a later admin reset. */
  countingSince: string | null;
  /** ISO instant the quota starts afresh. */
  resetsAt: string | null;
}

const ZQuotaMetersQuery = z.strictObject({ app: ZSlug.optional() });

/**
 * The current quota period of each active subscription in scope, counted the way the gateway
 * counts it: units in the calendar period of the subscription's anchor and time zone
 * (quotaPeriod, shared with the gateway's limit stage), from an admin reset when later.
 */
export const listQuotaMeters = defineOperation({
  name: 'usage.quotas',
  role: 'developer',
  input: ZQuotaMetersQuery,
  async run(tx, input, ctx) {
    return readQuotaMeters(tx, await resolveUsageScope(tx, ctx.principal, input), new Date());
  },
});

export async function readQuotaMeters(tx: Tx, scope: UsageScope, now: Date): Promise<QuotaMeter[]> {
  if (scope.appIds !== null && scope.appIds.length === 0) return [];
  const subscriptions = await tx.subscription.findMany({
    where: { status: { in: ['active', 'suspended'] }, ...(scope.appIds === null ? {} : { appId: { in: scope.appIds } }) },
    include: { app: { select: { slug: true } }, api: { select: { slug: true } }, plan: { select: { slug: true, quotaRequests: true, quotaPer: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return Promise.all(
    subscriptions.map(async (subscription) => {
      const limit = subscription.quotaOverride ?? subscription.plan.quotaRequests;
      const per = subscription.plan.quotaPer;
      const base = { subscriptionId: subscription.id, app: subscription.app.slug, api: subscription.api.slug, plan: subscription.plan.slug };
      if (limit === null || per === null) return { ...base, limit: null, per: null, used: 0, left: null, countingSince: null, resetsAt: null };
      const period = quotaPeriod({ nowMs: now.getTime(), per, anchorMs: subscription.billingAnchor.getTime(), timeZone: subscription.timeZone });
      const since = Math.max(period.startMs, subscription.quotaResetAt?.getTime() ?? 0);
      const lines = await loadPeriodUsage(tx, subscription.id, new Date(since), new Date(period.endMs));
      const used = Number(lines.reduce((sum, line) => sum + line.units, 0n));
      return { ...base, limit, per, used, left: Math.max(0, limit - used), countingSince: new Date(since).toISOString(), resetsAt: new Date(period.endMs).toISOString() };
    }),
  );
}
