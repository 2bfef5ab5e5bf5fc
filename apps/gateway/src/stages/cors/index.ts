import type { OutgoingHttpHeaders } from 'node:http';
import type { Stage } from '../../pipeline/types';
import { allowedOrigin, compileCors, mergeVary, type CompiledCors } from './compile-cors';
import { hookResponseHead } from './hook-response-head';
import { compilePortalCors, isPortalOrigin, PORTAL_EXPOSE_HEADERS, type PortalCors } from './portal-cors';

/** A route's CORS: the API's own policy, the portal's origins, or both. */
export interface RouteCors {
  readonly policy: CompiledCors | undefined;
  readonly portal: PortalCors | undefined;
}

/**
 * CORS on actual (non-preflight) requests: whatever answers (upstream, cache, a gateway
 * problem) gets Access-Control-Allow-Origin, -Expose-Headers and -Credentials for an Origin
 * the API's policy allows, or Allow-Origin and Expose-Headers (no credentials) for the
 * portal's origin; Vary: Origin whenever the answer depends on it. For an origin either one
 * allows, the upstream's own Access-Control-* headers are replaced. Routes of an API without a
 * policy keep the upstream's headers for every other origin. Preflights are answered earlier,
 * by corsPreflight.
 */
export const cors: Stage<RouteCors> = {
  name: 'cors',
  phase: 'authenticate',
  priority: 1_000,
  configure({ route, services }) {
    if (route === null) return undefined;
    const policy = compileCors(route.api.policies.cors);
    const portal = compilePortalCors(services.env.GATEWAY_PORTAL_ORIGINS);
    return policy === undefined && portal === undefined ? undefined : { policy, portal };
  },
  run(ctx, { policy, portal }) {
    const origin = ctx.req.headers.origin;
    const byPolicy = policy === undefined ? undefined : allowedOrigin(policy, origin);
    const byPortal = byPolicy === undefined && isPortalOrigin(portal, origin) ? origin : undefined;
    const varies = policy === undefined || policy.origins !== null;
    hookResponseHead(ctx.res, (_status, given) => {
      if (policy === undefined && byPortal === undefined) return varies ? { ...given, vary: mergeVary(given.vary, 'Origin') } : given;
      const headers: OutgoingHttpHeaders = {};
      for (const name in given) {
        if (!name.toLowerCase().startsWith('access-control-')) headers[name] = given[name];
      }
      if (varies) headers.vary = mergeVary(given.vary, 'Origin');
      if (byPolicy !== undefined && policy !== undefined) {
        headers['access-control-allow-origin'] = byPolicy;
        if (policy.exposeHeaders !== '') headers['access-control-expose-headers'] = policy.exposeHeaders;
        if (policy.credentials) headers['access-control-allow-credentials'] = 'true';
      } else if (byPortal !== undefined) {
        headers['access-control-allow-origin'] = byPortal;
        headers['access-control-expose-headers'] = PORTAL_EXPOSE_HEADERS;
      }
      return headers;
    });
  },
};
