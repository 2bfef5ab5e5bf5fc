import type { StatementPlan } from '@tollgate/domain';
import type { Db } from '../client/create-db';
import type { Prisma } from '../generated/prisma/client';

export interface BillableSubscription {
  id: string;
  status: 'pending' | 'active' | 'suspended' | 'cancelled';
  billingAnchor: Date;
  timeZone: string;
  updatedAt: Date;
  appSlug: string;
  teamId: string;
  apiSlug: string;
  planSlug: string;
  plan: StatementPlan;
}

/** Subscriptions that statements are made for (all but pending ones), optionally narrowed. */
export async function listBillableSubscriptions(db: Db | Prisma.TransactionClient, filter: { appSlug?: string; subscriptionIds?: string[]; appIds?: string[] } = {}): Promise<BillableSubscription[]> {
  const rows = await db.subscription.findMany({
    where: {
      status: { not: 'pending' },
      ...(filter.appSlug ? { app: { slug: filter.appSlug } } : {}),
      ...(filter.subscriptionIds ? { id: { in: filter.subscriptionIds } } : {}),
      ...(filter.appIds ? { appId: { in: filter.appIds } } : {}),
    },
    include: { plan: true, app: { select: { slug: true, teamId: true } }, api: { select: { slug: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    billingAnchor: row.billingAnchor,
    timeZone: row.timeZone,
    updatedAt: row.updatedAt,
    appSlug: row.app.slug,
    teamId: row.app.teamId,
    apiSlug: row.api.slug,
    planSlug: row.plan.slug,
    plan: {
      monthlyPriceCents: row.plan.monthlyPriceCents,
      includedUnits: row.plan.includedUnits,
      overagePer1000Cents: row.plan.overagePer1000Cents,
      hardStop: row.plan.hardStop,
      currency: row.plan.currency,
    },
  }));
}
