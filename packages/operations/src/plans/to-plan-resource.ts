import type { TPlanResource } from '@tollgate/contracts';
import type { Plan } from '@tollgate/db';

export type PlanWithApis = Plan & { apis: { api: { slug: string } }[] };

export const PLAN_INCLUDE = { apis: { select: { api: { select: { slug: true } } } } } as const;

export function toPlanResource(row: PlanWithApis): TPlanResource {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    apis: row.apis.map((link) => link.api.slug).sort(),
    rateLimit: row.rateLimitRequests && row.rateLimitPer ? { requests: row.rateLimitRequests, per: row.rateLimitPer, burst: row.burst } : null,
    quota: row.quotaRequests && row.quotaPer ? { requests: row.quotaRequests, per: row.quotaPer } : null,
    price: { monthlyCents: row.monthlyPriceCents, overagePer1000Cents: row.overagePer1000Cents, includedUnits: row.includedUnits, currency: row.currency },
    hardStop: row.hardStop,
    approvalRequired: row.approvalRequired,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
