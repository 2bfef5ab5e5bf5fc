import { ZSubscribeTeamAppRequest } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { createSubscription } from '../subscriptions/create-subscription';
import { findTeamAppOrThrow } from './find-team-records';
import { visibleApisWhere } from '../catalog/visible-apis';

const invalid = (name: string, reason: string) => new TollgateError('invalid_params', { detail: `${name} ${reason}.`, invalidParams: [{ name, reason }] });

/**
 * Subscribes one of the caller's apps to an API its team may see, on a plan covering it; a plan
 * with approvalRequired starts it pending. An API the team may not see is refused exactly like
 * one that does not exist, so the answer reveals nothing about it.
 */
export const subscribeTeamApp = defineOperation({
  name: 'team_apps.subscribe',
  role: 'developer',
  input: ZSubscribeTeamAppRequest,
  audit: { resourceType: 'subscription' },
  async run(tx, input, ctx) {
    const app = await findTeamAppOrThrow(tx, ctx.principal, input.app, { forUpdate: true });
    const team = await tx.team.findUniqueOrThrow({ where: { id: app.teamId }, select: { partner: true } });
    const api = await tx.api.findFirst({ where: { slug: input.api, ...visibleApisWhere(team, 'subscribe') }, select: { id: true } });
    if (!api) throw invalid('api', `no API "${input.api}" is open to your team`);
    const covering = await tx.planApi.findFirst({ where: { apiId: api.id, plan: { slug: input.plan } }, select: { planId: true } });
    if (!covering) throw invalid('plan', `no plan "${input.plan}" covers API "${input.api}"`);
    // The developer's rules are checked: the admin write (twice is a conflict on `api`, audit, revision) does the rest.
    return createSubscription.run(tx, input, ctx);
  },
});
