import type { Db } from '../client/create-db';
import type { Prisma } from '../generated/prisma/client';
import { bumpConfigRevision } from '../config/bump-config-revision';
import { findSubscriptionOrThrow, type SubscriptionRef } from './find-subscription-or-throw';

export interface QuotaState {
  subscriptionId: string;
  plan: string;
  /** The plan's quota per period; null when the plan has none. */
  planQuota: number | null;
  per: 'day' | 'month' | null;
  /** The admin override in force, or null. */
  quotaOverride: number | null;
  /** Units counted before this instant no longer count against the quota. */
  quotaResetAt: Date | null;
  revision: bigint;
}

/**
 * Starts the subscription's quota afresh now (e.g. when an invoice is paid): gateways
 * count the current period from this instant as soon as they load the new revision.
 */
export async function resetQuota(db: Db, ref: SubscriptionRef): Promise<QuotaState> {
  return db.$transaction((tx) => resetQuotaInTransaction(tx, ref));
}

/** resetQuota inside the caller's transaction (the operations layer's), revision bump included. */
export async function resetQuotaInTransaction(tx: Prisma.TransactionClient, ref: SubscriptionRef): Promise<QuotaState> {
  const found = await findSubscriptionOrThrow(tx, ref);
  const [row] = await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  const updated = await tx.subscription.update({ where: { id: found.id }, data: { quotaResetAt: row!.now } });
  const revision = await bumpConfigRevision(tx, [{ action: 'update', kind: 'subscription', name: `${ref.appSlug}/${ref.apiSlug} quota reset`, id: found.id }]);
  return toState(found, updated, revision);
}

export function toState(
  found: { id: string; plan: { slug: string; quotaRequests: number | null; quotaPer: 'day' | 'month' | null } },
  updated: { quotaOverride: number | null; quotaResetAt: Date | null },
  revision: bigint,
): QuotaState {
  return {
    subscriptionId: found.id,
    plan: found.plan.slug,
    planQuota: found.plan.quotaRequests,
    per: found.plan.quotaPer,
    quotaOverride: updated.quotaOverride,
    quotaResetAt: updated.quotaResetAt,
    revision,
  };
}
