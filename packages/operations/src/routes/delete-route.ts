import { ZSlug } from '@tollgate/contracts';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findRouteOrThrow } from './find-route-or-throw';
import { toRouteResource } from './to-route-resource';

export const deleteRoute = defineOperation({
  name: 'routes.delete',
  role: 'admin',
  input: z.strictObject({ apiSlug: ZSlug, routeId: z.uuid() }),
  audit: { resourceType: 'route' },
  async run(tx, input, ctx) {
    const { api, route } = await findRouteOrThrow(tx, input.apiSlug, input.routeId, { forUpdate: true });
    const before = toRouteResource(route);
    ctx.checkIfMatch(before);
    await tx.route.delete({ where: { id: route.id } });
    ctx.configChanged('route', route.id, `${api.slug} ${route.key}`);
    ctx.audit({ resourceId: route.id, before: { api: api.slug, ...before } });
    return before;
  },
});
