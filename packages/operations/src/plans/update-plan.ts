import { ZCreatePlanRequest, ZSlug, ZUpdatePlanRequest, mergePatch, toInvalidParams } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { findPlanOrThrow } from './find-plan-or-throw';
import { checkPlanSlug, planData, planRequestOf, resolvePlanApis } from './plan-data';
import { PLAN_INCLUDE, toPlanResource } from './to-plan-resource';

/** Changes the fields given; `rateLimit: null` or `quota: null` removes the limit; `apis` replaces the list. */
export const updatePlan = defineOperation({
  name: 'plans.update',
  role: 'admin',
  input: ZUpdatePlanRequest.extend({ planSlug: ZSlug }),
  audit: { resourceType: 'plan' },
  async run(tx, { planSlug, ...changes }, ctx) {
    const current = await findPlanOrThrow(tx, planSlug, { forUpdate: true });
    const before = toPlanResource(current);
    ctx.checkIfMatch(before);
    const base = planRequestOf(before);
    const merged = mergePatch(base, { ...changes, price: changes.price && mergePatch(base.price as Record<string, unknown>, changes.price) });
    const parsed = ZCreatePlanRequest.safeParse(merged);
    if (!parsed.success) throw new TollgateError('invalid_params', { invalidParams: toInvalidParams(parsed.error) });
    if (parsed.data.slug !== current.slug) await checkPlanSlug(tx, parsed.data.slug);
    const apiIds = await resolvePlanApis(tx, parsed.data.apis);
    await tx.planApi.deleteMany({ where: { planId: current.id } });
    const row = await tx.plan.update({
      where: { id: current.id },
      data: { ...planData(parsed.data), apis: { create: apiIds.map((apiId) => ({ apiId })) } },
      include: PLAN_INCLUDE,
    });
    const after = toPlanResource(row);
    ctx.configChanged('plan', row.id, row.slug);
    ctx.audit({ resourceId: row.id, before, after });
    return after;
  },
});
