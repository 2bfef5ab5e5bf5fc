import { ZCreatePlanRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { checkPlanSlug, planData, resolvePlanApis } from './plan-data';
import { PLAN_INCLUDE, toPlanResource } from './to-plan-resource';

export const createPlan = defineOperation({
  name: 'plans.create',
  role: 'admin',
  input: ZCreatePlanRequest,
  audit: { resourceType: 'plan' },
  async run(tx, input, ctx) {
    await checkPlanSlug(tx, input.slug);
    const apiIds = await resolvePlanApis(tx, input.apis);
    const row = await tx.plan.create({ data: { ...planData(input), apis: { create: apiIds.map((apiId) => ({ apiId })) } }, include: PLAN_INCLUDE });
    const plan = toPlanResource(row);
    ctx.configChanged('plan', row.id, row.slug);
    ctx.audit({ resourceId: row.id, after: plan });
    return plan;
  },
});
