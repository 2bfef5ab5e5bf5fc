import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';
import { PLAN_INCLUDE, type PlanWithApis } from './to-plan-resource';

export async function findPlanOrThrow(tx: Tx, slug: string, options: { forUpdate?: boolean } = {}): Promise<PlanWithApis> {
  if (options.forUpdate) await tx.$queryRaw`SELECT 1 FROM "plans" WHERE "slug" = ${slug} FOR UPDATE`;
  const plan = await tx.plan.findUnique({ where: { slug }, include: PLAN_INCLUDE });
  if (!plan) throw new TollgateError('not_found', { detail: `No plan with slug "${slug}".` });
  return plan;
}
