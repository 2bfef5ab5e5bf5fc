import { ZPageQuery, ZSlug } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { PLAN_INCLUDE, toPlanResource } from './to-plan-resource';

/** Plans in slug order, optionally only those covering one API. */
export const listPlans = defineOperation({
  name: 'plans.list',
  role: 'viewer',
  input: ZPageQuery.extend({ api: ZSlug.optional() }),
  async run(tx, input) {
    const after = decodeCursor(input.cursor, (value) => ZSlug.safeParse(value).success);
    const rows = await tx.plan.findMany({
      where: { ...(after ? { slug: { gt: after } } : {}), ...(input.api ? { apis: { some: { api: { slug: input.api } } } } : {}) },
      include: PLAN_INCLUDE,
      orderBy: { slug: 'asc' },
      take: input.limit + 1,
    });
    return pageOf(rows, input.limit, (row) => row.slug, toPlanResource);
  },
});
