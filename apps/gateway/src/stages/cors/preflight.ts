import type FindMyWay from 'find-my-way';
import type { CompiledRoute } from '../../config/compiled-snapshot.types';
import { VersionSwitch } from '../../config/version-switch';
import type { Stage } from '../../pipeline/types';
import { allowedOrigin } from './compile-cors';
import { cors, type RouteCors } from './index';
import { isPortalOrigin, PORTAL_MAX_AGE, portalAllowHeaders } from './portal-cors';

const METHOD = /^[A-Z]{1,20}$/;
const PREFLIGHT_VARY = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';

/**
 * Answers CORS preflights (OPTIONS with Origin and Access-Control-Request-Method) before
 * routing and authentication: they never reach the upstream. The route is looked up with the
 * method the browser asks about. An origin the API's CORS policy allows gets the policy; the
 * portal's origin (GATEWAY_PORTAL_ORIGINS) gets the asked method and headers, without
 * credentials; any other origin of an API with a policy gets a 204 without Access-Control-*
 * headers, which the browser reads as a refusal. Other preflights go on like any request.
 */
export const corsPreflight: Stage<true> = {
  name: 'cors-preflight',
  phase: 'route',
  priority: 100,
  configure: () => true,
  run(ctx) {
    const req = ctx.req;
    if (req.method !== 'OPTIONS') return;
    const origin = req.headers.origin;
    const requested = req.headers['access-control-request-method'];
    if (origin === undefined || requested === undefined || !METHOD.test(requested)) return;
    const store = ctx.snapshot.routers.forHost(req.headers.host).find(requested as FindMyWay.HTTPMethod, ctx.path)?.store as CompiledRoute | VersionSwitch | undefined;
    const config = corsOf(store instanceof VersionSwitch ? store.any() : store);
    if (config === undefined) return;
    const { policy, portal } = config;
    const byPolicy = policy === undefined ? undefined : allowedOrigin(policy, origin);
    const byPortal = byPolicy === undefined && isPortalOrigin(portal, origin);
    if (policy === undefined && !byPortal) return;
    const headers: Record<string, string> = { vary: PREFLIGHT_VARY, 'x-request-id': ctx.requestId, 'content-length': '0' };
    if (byPolicy !== undefined && policy !== undefined) {
      headers['access-control-allow-origin'] = byPolicy;
      headers['access-control-allow-methods'] = policy.allowMethods;
      headers['access-control-allow-headers'] = policy.allowHeaders;
      headers['access-control-max-age'] = policy.maxAge;
      if (policy.credentials) headers['access-control-allow-credentials'] = 'true';
    } else if (byPortal) {
      headers['access-control-allow-origin'] = origin;
      headers['access-control-allow-methods'] = requested;
      headers['access-control-allow-headers'] = portalAllowHeaders(req.headers['access-control-request-headers']);
      headers['access-control-max-age'] = PORTAL_MAX_AGE;
    }
    ctx.res.writeHead(204, headers);
    ctx.res.end();
  },
};

function corsOf(route: CompiledRoute | undefined): RouteCors | undefined {
  if (route === undefined) return undefined;
  for (const bound of route.main) {
    if (bound.stage === cors) return bound.config as RouteCors;
  }
  return undefined;
}
