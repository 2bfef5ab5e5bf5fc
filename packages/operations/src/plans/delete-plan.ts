import { ZSlug } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findPlanOrThrow } from './find-plan-or-throw';
import { toPlanResource } from './to-plan-resource';

/** Deletes a plan nobody subscribes to; move its subscriptions to another plan first. */
export const deletePlan = defineOperation({
  name: 'plans.delete',
  role: 'admin',
  input: z.strictObject({ slug: ZSlug }),
  audit: { resourceType: 'plan' },
  async run(tx, input, ctx) {
    const current = await findPlanOrThrow(tx, input.slug, { forUpdate: true });
    const before = toPlanResource(current);
    ctx.checkIfMatch(before);
    const subscriptions = await tx.subscription.count({ where: { planId: current.id } });
    if (subscriptions > 0) throw new TollgateError('conflict', { detail: `Plan "${input.slug}" has ${subscriptions} subscription(s): move them to another plan first.` });
    await tx.plan.delete({ where: { id: current.id } });
    ctx.configChanged('plan', current.id, current.slug);
    ctx.audit({ resourceId: current.id, before });
    return before;
  },
});
