import type FindMyWay from 'find-my-way';
import type { CompiledRoute } from '../../config/compiled-snapshot.types';
import { VersionSwitch } from '../../config/version-switch';
import type { Stage } from '../../pipeline/types';
import { allowedOrigin, type CompiledCors } from './compile-cors';
import { cors } from './index';

const METHOD = /^[A-Z]{1,20}$/;
const PREFLIGHT_VARY = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';

/**
 * Answers CORS preflights (OPTIONS with Origin and Access-Control-Request-Method) for
 * APIs with a CORS policy, before routing and authentication: they never reach the
 * upstream. The route is looked up with the method the browser asks about. An origin
 * outside the policy gets a 204 without Access-Control-* headers, which the browser
 * reads as a refusal. Preflights for APIs without a policy go on like any request.
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
    const policy = corsOf(store instanceof VersionSwitch ? store.any() : store);
    if (policy === undefined) return;
    const headers: Record<string, string> = { vary: PREFLIGHT_VARY, 'x-request-id': ctx.requestId, 'content-length': '0' };
    const allowed = allowedOrigin(policy, origin);
    if (allowed !== undefined) {
      headers['access-control-allow-origin'] = allowed;
      headers['access-control-allow-methods'] = policy.allowMethods;
      headers['access-control-allow-headers'] = policy.allowHeaders;
      headers['access-control-max-age'] = policy.maxAge;
      if (policy.credentials) headers['access-control-allow-credentials'] = 'true';
    }
    ctx.res.writeHead(204, headers);
    ctx.res.end();
  },
};

function corsOf(route: CompiledRoute | undefined): CompiledCors | undefined {
  if (route === undefined) return undefined;
  for (const bound of route.main) {
    if (bound.stage === cors) return bound.config as CompiledCors;
  }
  return undefined;
}
