import { ZTeamAppParams, type TSubscribableApi } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { findTeamAppOrThrow } from './find-team-records';
import { visibleApisWhere } from '../catalog/visible-apis';

/** What one of the caller's apps may subscribe to: the APIs its team may see, each with the plans that cover it. */
export const listSubscribableApis = defineOperation({
  name: 'team_apps.subscribable_apis',
  role: 'developer',
  input: ZTeamAppParams,
  async run(tx, input, ctx): Promise<TSubscribableApi[]> {
    const app = await findTeamAppOrThrow(tx, ctx.principal, input.app);
    const team = await tx.team.findUniqueOrThrow({ where: { id: app.teamId }, select: { partner: true } });
    const apis = await tx.api.findMany({
      where: { ...visibleApisWhere(team, 'subscribe'), plans: { some: {} } },
      select: { slug: true, name: true, plans: { select: { plan: { select: { slug: true, name: true, approvalRequired: true } } }, orderBy: { plan: { name: 'asc' } } } },
      orderBy: { name: 'asc' },
    });
    return apis.map((api) => ({ slug: api.slug, name: api.name, plans: api.plans.map((link) => link.plan) }));
  },
});
