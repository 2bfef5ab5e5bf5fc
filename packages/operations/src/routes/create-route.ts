import { ZCreateRouteRequest, ZSlug } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { findApiOrThrow } from '../apis/find-api-or-throw';
import { checkRouteBackend } from './check-route-backend';
import { checkRouteSplit } from './check-route-split';
import { checkRouteKey, routeData } from './route-data';
import { toRouteResource } from './to-route-resource';

export const createRoute = defineOperation({
  name: 'routes.create',
  role: 'admin',
  input: ZCreateRouteRequest.extend({ apiSlug: ZSlug }),
  audit: { resourceType: 'route' },
  async run(tx, { apiSlug, ...input }, ctx) {
    const api = await findApiOrThrow(tx, apiSlug);
    await checkRouteBackend(tx, input);
    await checkRouteSplit(tx, api.id, input.split);
    const data = routeData(input);
    await checkRouteKey(tx, api.id, data.key);
    const row = await tx.route.create({ data: { ...data, apiId: api.id } });
    const route = toRouteResource(row);
    ctx.configChanged('route', row.id, `${api.slug} ${row.key}`);
    ctx.audit({ resourceId: row.id, after: { api: api.slug, ...route } });
    return route;
  },
});
