import { ZSlug } from '@tollgate/contracts';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findRouteOrThrow } from './find-route-or-throw';
import { toRouteResource } from './to-route-resource';

export const getRoute = defineOperation({
  name: 'routes.get',
  role: 'viewer',
  input: z.strictObject({ apiSlug: ZSlug, routeId: z.uuid() }),
  async run(tx, input) {
    return toRouteResource((await findRouteOrThrow(tx, input.apiSlug, input.routeId)).route);
  },
});
