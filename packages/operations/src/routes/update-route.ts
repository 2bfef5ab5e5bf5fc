import { ZCreateRouteRequest, ZSlug, ZUpdateRouteRequest, mergePatch, toInvalidParams } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findRouteOrThrow } from './find-route-or-throw';
import { checkRouteBackend } from './check-route-backend';
import { checkRouteSplit } from './check-route-split';
import { checkRouteKey, routeData } from './route-data';
import { toRouteResource } from './to-route-resource';

/** Changes the fields given (a `null` removes an optional policy); the route's other fields and policies stay as they are. */
export const updateRoute = defineOperation({
  name: 'routes.update',
  role: 'admin',
  input: ZUpdateRouteRequest.extend({ apiSlug: ZSlug, routeId: z.uuid() }),
  audit: { resourceType: 'route' },
  async run(tx, { apiSlug, routeId, ...changes }, ctx) {
    const { api, route } = await findRouteOrThrow(tx, apiSlug, routeId, { forUpdate: true });
    const before = toRouteResource(route);
    ctx.checkIfMatch(before);
    const current = { path: before.path, methods: before.methods, auth: before.auth, weight: before.weight, allowQueryKey: before.allowQueryKey, stripBasePath: before.stripBasePath, ...(before.rewrite ? { rewrite: before.rewrite } : {}), ...before.policies };
    const merged = ZCreateRouteRequest.safeParse(mergePatch(current, changes));
    if (!merged.success) throw new TollgateError('invalid_params', { invalidParams: toInvalidParams(merged.error) });
    await checkRouteBackend(tx, merged.data);
    await checkRouteSplit(tx, api.id, merged.data.split);
    const data = routeData(merged.data);
    await checkRouteKey(tx, api.id, data.key, route.id);
    const after = toRouteResource(await tx.route.update({ where: { id: route.id }, data }));
    ctx.configChanged('route', route.id, `${api.slug} ${data.key}`);
    ctx.audit({ resourceId: route.id, before, after });
    return after;
  },
});
