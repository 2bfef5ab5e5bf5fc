import type { TConfigPlan } from '@tollgate/contracts';
import type { Prisma } from '../generated/prisma/client';
import { differs, type ChangeSet } from './change-set';
import type { SlugResolver } from './slug-resolver';

function planData(plan: TConfigPlan) {
  return {
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

/** Upserts plans by slug and sets the APIs each plan covers to exactly the listed ones. */
export async function applyPlans(
  tx: Prisma.TransactionClient,
  plans: TConfigPlan[],
  resolve: SlugResolver,
  changes: ChangeSet,
): Promise<void> {
  for (const [index, plan] of plans.entries()) {
    const data = planData(plan);
    const existing = await tx.plan.findUnique({ where: { slug: plan.slug }, include: { apis: true } });
    const apiIds = await Promise.all(plan.apis.map((slug, apiIndex) => resolve.api(slug, `plans[${index}].apis[${apiIndex}]`)));
    if (!existing) {
      const created = await tx.plan.create({ data: { slug: plan.slug, ...data, apis: { create: apiIds.map((apiId) => ({ apiId })) } } });
      resolve.rememberPlan(plan.slug, created.id);
      changes.add('create', 'plan', plan.slug, created.id);
      continue;
    }
    resolve.rememberPlan(plan.slug, existing.id);
    const currentApis = existing.apis.map((link) => link.apiId).sort();
    const apisChanged = JSON.stringify(currentApis) !== JSON.stringify([...apiIds].sort());
    if (differs(existing, data) || apisChanged) {
      await tx.plan.update({ where: { id: existing.id }, data });
      if (apisChanged) {
        await tx.planApi.deleteMany({ where: { planId: existing.id } });
        await tx.planApi.createMany({ data: apiIds.map((apiId) => ({ planId: existing.id, apiId })) });
      }
      changes.add('update', 'plan', plan.slug, existing.id);
    }
  }
}
