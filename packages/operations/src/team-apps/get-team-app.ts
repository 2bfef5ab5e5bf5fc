import { ZTeamAppParams, type TTeamAppDetail } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { KEY_INCLUDE } from '../keys/to-key-resource';
import { findTeamAppOrThrow } from './find-team-records';
import { TEAM_APP_SELECT, TEAM_SUBSCRIPTION_INCLUDE, toTeamAppSummary, toTeamKey, toTeamSubscription } from './to-team-records';

/** One of the caller's apps with its subscriptions (pending first), its keys (newest first) and the routes a key may be scoped to. */
export const getTeamApp = defineOperation({
  name: 'team_apps.get',
  role: 'developer',
  input: ZTeamAppParams,
  async run(tx, input, ctx): Promise<TTeamAppDetail> {
    const found = await findTeamAppOrThrow(tx, ctx.principal, input.app);
    const app = await tx.app.findUniqueOrThrow({ where: { id: found.id }, select: TEAM_APP_SELECT });
    const subscriptions = await tx.subscription.findMany({ where: { appId: found.id }, include: TEAM_SUBSCRIPTION_INCLUDE, orderBy: [{ status: 'asc' }, { createdAt: 'asc' }] });
    const keys = await tx.apiKey.findMany({ where: { appId: found.id }, include: KEY_INCLUDE, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    const live = subscriptions.filter((subscription) => subscription.status !== 'cancelled');
    const routes = await tx.route.findMany({ where: { apiId: { in: live.map((subscription) => subscription.apiId) } }, select: { key: true, api: { select: { slug: true } } }, orderBy: [{ api: { slug: 'asc' } }, { key: 'asc' }] });
    const now = new Date();
    return {
      app: toTeamAppSummary(app),
      role: found.role,
      subscriptions: subscriptions.map(toTeamSubscription),
      keys: keys.map((key) => toTeamKey(key, now)),
      routeScopes: routes.map((route) => ({ api: route.api.slug, scope: `${route.api.slug}:${route.key}` })),
    };
  },
});
