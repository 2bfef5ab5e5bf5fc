import { TollgateError } from '@tollgate/errors';
import type FindMyWay from 'find-my-way';
import type { CompiledRoute } from '../../config/compiled-snapshot.types';
import type { GatewayContext, RouteParams } from '../../pipeline/context';
import type { Stage } from '../../pipeline/types';

export const ROUTABLE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Matches method + path against the snapshot's compiled router. */
export const route: Stage<true> = {
  name: 'route',
  phase: 'route',
  priority: 0,
  configure: () => true,
  run(ctx) {
    const found = ctx.snapshot.router.find(ctx.req.method as FindMyWay.HTTPMethod, ctx.path);
    if (found === null) throw notFound(ctx);
    ctx.route = found.store as CompiledRoute;
    ctx.params = found.params as RouteParams;
  },
};

/** 405 with Allow when the path exists under other methods, else 404. Off the hot path. */
function notFound(ctx: GatewayContext): TollgateError {
  const allowed = ROUTABLE_METHODS.filter((method) => ctx.snapshot.router.find(method, ctx.path) !== null);
  if (allowed.length === 0) {
    return new TollgateError('route_not_found', { detail: `No route matches ${ctx.req.method} ${ctx.path}.` });
  }
  return new TollgateError('method_not_allowed', {
    detail: `${ctx.req.method} is not allowed here; use ${allowed.join(', ')}.`,
    headers: { allow: allowed.join(', ') },
  });
}
