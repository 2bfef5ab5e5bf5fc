import { TollgateError } from '@tollgate/errors';
import type { BlockedEndpoints } from '../../config/compile-discovery';
import type { Stage } from '../../pipeline/types';

/**
 * Refuses templates an admin blocked from discovery, before routing: 410 endpoint_gone
 * or 404 route_not_found as problem+json. Absent from a snapshot that blocks nothing.
 */
export const block: Stage<BlockedEndpoints> = {
  name: 'block',
  phase: 'route',
  // Before route (0): a blocked path is refused whether or not a route would match it.
  priority: 10,
  configure: ({ route, discovery }) => (route === null ? (discovery.blocked ?? undefined) : undefined),
  run(ctx, blocked) {
    const status = blocked.statusFor(ctx.req.headers.host, ctx.req.method ?? 'GET', ctx.path);
    if (status === 0) return;
    const detail = `${ctx.req.method} ${ctx.path} is blocked on this gateway.`;
    throw new TollgateError(status === 410 ? 'endpoint_gone' : 'route_not_found', { detail });
  },
};
