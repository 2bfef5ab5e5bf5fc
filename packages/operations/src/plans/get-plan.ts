import { ZSlug } from '@tollgate/contracts';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findPlanOrThrow } from './find-plan-or-throw';
import { toPlanResource } from './to-plan-resource';

export const getPlan = defineOperation({
  name: 'plans.get',
  role: 'viewer',
  input: z.strictObject({ slug: ZSlug }),
  async run(tx, input) {
    return toPlanResource(await findPlanOrThrow(tx, input.slug));
  },
});
