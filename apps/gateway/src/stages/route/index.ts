import { TollgateError } from '@tollgate/errors';
import type FindMyWay from 'find-my-way';
import type { CompiledRoute } from '../../config/compiled-snapshot.types';
import { VersionSwitch } from '../../config/version-switch';
import type { GatewayContext, RouteParams } from '../../pipeline/context';
import type { Stage } from '../../pipeline/types';
import { hookResponseHead } from '../cors/hook-response-head';
import { keepResponsePrivate } from './private-response';
import { unknownPathVersion } from './unknown-path-version';

export const ROUTABLE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Matches host, method and path against the snapshot's compiled routers, then the version header where the API has one. */
export const route: Stage<true> = {
  name: 'route',
  phase: 'route',
  priority: 0,
  configure: () => true,
  run(ctx) {
    const router = ctx.snapshot.routers.forHost(ctx.req.headers.host);
    const found = router.find(ctx.req.method as FindMyWay.HTTPMethod, ctx.path);
    if (found === null) throw notFound(ctx, router);
    const store = found.store as CompiledRoute | VersionSwitch;
    let matched: CompiledRoute;
    if (store instanceof VersionSwitch) {
      const selected = store.select(ctx.req.headers[store.header] as string | undefined);
      if (typeof selected === 'string') {
        throw new TollgateError('route_not_found', { detail: `No route matches ${ctx.req.method} ${ctx.path} for ${selected}.` });
      }
      matched = selected;
    } else {
      matched = store;
    }
    if (!underPrefix(ctx.path, matched.stripPrefix)) throw notFound(ctx, router);
    ctx.route = matched;
    if (matched.auth !== 'none') hookResponseHead(ctx.res, keepResponsePrivate);
    ctx.params = found.params as RouteParams;
  },
};

/**
 * The router matches a decoded path; the canonical path keeps reserved characters
 * encoded (`%21` is not `!`). A route serves the request only when the canonical path
 * itself lies under the route's base path, so stripping it leaves `/…` or nothing.
 */
function underPrefix(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  return path.startsWith(prefix) && (path.length === prefix.length || path.charCodeAt(prefix.length) === 47);
}

/** 405 with Allow when the path exists under other methods, else 404. Off the hot path. */
function notFound(ctx: GatewayContext, router: FindMyWay.Instance<FindMyWay.HTTPVersion.V1>): TollgateError {
  const allowed = ROUTABLE_METHODS.filter((method) => router.find(method, ctx.path) !== null);
  if (allowed.length === 0) {
    const version = unknownPathVersion(ctx.snapshot.routes, ctx.path);
    return new TollgateError('route_not_found', { detail: `No route matches ${ctx.req.method} ${ctx.path}${version}.` });
  }
  return new TollgateError('method_not_allowed', {
    detail: `${ctx.req.method} is not allowed here; use ${allowed.join(', ')}.`,
    headers: { allow: allowed.join(', ') },
  });
}
