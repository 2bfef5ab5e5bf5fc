import type { Plan } from '@tollgate/db';

/** A plan as the catalog compares it: limits, price and whether an admin approves subscriptions. */
export interface CatalogPlan {
  slug: string;
  name: string;
  description: string;
  rateLimit: { requests: number; per: 'second' | 'minute' | 'hour'; burst: number | null } | null;
  quota: { requests: number; per: 'day' | 'month' } | null;
  price: { monthlyCents: number; overagePer1000Cents: number; includedUnits: number | null; currency: string };
  /** Calls past the quota are refused (true) or billed as overage (false). */
  hardStop: boolean;
  approvalRequired: boolean;
}

export function toCatalogPlan(row: Plan): CatalogPlan {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    rateLimit: row.rateLimitRequests && row.rateLimitPer ? { requests: row.rateLimitRequests, per: row.rateLimitPer, burst: row.burst } : null,
    quota: row.quotaRequests && row.quotaPer ? { requests: row.quotaRequests, per: row.quotaPer } : null,
    price: { monthlyCents: row.monthlyPriceCents, overagePer1000Cents: row.overagePer1000Cents, includedUnits: row.includedUnits, currency: row.currency },
    hardStop: row.hardStop,
    approvalRequired: row.approvalRequired,
  };
}

/** Cheapest first, then by name: the order a comparison reads best in. */
export function byPrice(a: CatalogPlan, b: CatalogPlan): number {
  return a.price.monthlyCents - b.price.monthlyCents || a.name.localeCompare(b.name);
}
