import type { TSubscriptionResource } from '@tollgate/contracts';
import type { Subscription } from '@tollgate/db';

export type SubscriptionWithNames = Subscription & { app: { slug: string; team: { slug: string } }; api: { slug: string }; plan: { slug: string } };

export const SUBSCRIPTION_INCLUDE = {
  app: { select: { slug: true, team: { select: { slug: true } } } },
  api: { select: { slug: true } },
  plan: { select: { slug: true } },
} as const;

export function toSubscriptionResource(row: SubscriptionWithNames): TSubscriptionResource {
  return {
    id: row.id,
    app: row.app.slug,
    team: row.app.team.slug,
    api: row.api.slug,
    plan: row.plan.slug,
    status: row.status,
    statusReason: row.statusReason,
    quotaOverride: row.quotaOverride,
    quotaResetAt: row.quotaResetAt ? row.quotaResetAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
