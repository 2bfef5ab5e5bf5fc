import type { TCreatePlanRequest, TPlanResource } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';

/** The plan's columns from its request shape (the config file's plan). */
export function planData(plan: TCreatePlanRequest) {
  return {
    slug: plan.slug,
    name: plan.name,
    description: plan.description,
    rateLimitRequests: plan.rateLimit?.requests ?? null,
    rateLimitPer: plan.rateLimit?.per ?? null,
    burst: plan.rateLimit?.burst ?? null,
    quotaRequests: plan.quota?.requests ?? null,
    quotaPer: plan.quota?.per ?? null,
    monthlyPriceCents: plan.price.monthlyCents,
    overagePer1000Cents: plan.price.overagePer1000Cents,
    includedUnits: plan.price.includedUnits ?? null,
    currency: plan.price.currency,
    hardStop: plan.hardStop,
    approvalRequired: plan.approvalRequired,
  };
}

/** A stored plan back in its request shape, so an update can merge the fields it changes. */
export function planRequestOf(plan: TPlanResource): Record<string, unknown> {
  const { rateLimit, quota, price } = plan;
  return {
    slug: plan.slug,
    name: plan.name,
    description: plan.description,
    apis: plan.apis,
    ...(rateLimit ? { rateLimit: { requests: rateLimit.requests, per: rateLimit.per, ...(rateLimit.burst !== null ? { burst: rateLimit.burst } : {}) } } : {}),
    ...(quota ? { quota } : {}),
    price: { monthlyCents: price.monthlyCents, overagePer1000Cents: price.overagePer1000Cents, currency: price.currency, ...(price.includedUnits !== null ? { includedUnits: price.includedUnits } : {}) },
    hardStop: plan.hardStop,
    approvalRequired: plan.approvalRequired,
  };
}

/** API ids for the plan's API slugs; an unknown one is named by its index (`apis[1]`). */
export async function resolvePlanApis(tx: Tx, slugs: readonly string[]): Promise<string[]> {
  const rows = await tx.api.findMany({ where: { slug: { in: [...slugs] } }, select: { id: true, slug: true } });
  const ids = new Map(rows.map((row) => [row.slug, row.id]));
  const unknown = slugs.flatMap((slug, index) => (ids.has(slug) ? [] : [{ name: `apis[${index}]`, reason: `no API with slug "${slug}"` }]));
  if (unknown.length) throw new TollgateError('invalid_params', { detail: 'The plan names an API that does not exist.', invalidParams: unknown });
  return [...new Set(slugs)].map((slug) => ids.get(slug)!);
}

export async function checkPlanSlug(tx: Tx, slug: string): Promise<void> {
  if (await tx.plan.findUnique({ where: { slug }, select: { id: true } })) {
    throw new TollgateError('conflict', { detail: `slug "${slug}" is already taken.`, invalidParams: [{ name: 'slug', reason: `"${slug}" is already taken` }] });
  }
}
