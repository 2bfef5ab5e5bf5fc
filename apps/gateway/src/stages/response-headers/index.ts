import type { OutgoingHttpHeaders } from 'node:http';
import type { Stage } from '../../pipeline/types';
import { hookResponseHead } from '../cors/hook-response-head';
import { compileHeaderTransform, type CompiledHeaderTransform } from '../forward/header-transform';

/**
 * A route's responseHeaders policy on every answer the caller gets (the upstream's, a cache
 * hit, a problem): names it removes or sets are dropped, then its values set. Routes without
 * the policy do not have the stage.
 */
export const responseHeaders: Stage<CompiledHeaderTransform> = {
  name: 'response-headers',
  phase: 'authenticate',
  // Before CORS (1000) and the lifecycle headers (1100) set their hooks, so this one runs after theirs.
  priority: 1_200,
  configure: ({ route }) => (route === null ? undefined : (compileHeaderTransform(route.policies.responseHeaders) ?? undefined)),
  run(ctx, transform) {
    const res = ctx.res;
    hookResponseHead(res, (_status, given) => {
      // Headers other stages set with setHeader (RateLimit-*, Deprecation) are in the response already.
      for (const name of transform.drop) if (res.hasHeader(name)) res.removeHeader(name);
      const headers: OutgoingHttpHeaders = {};
      for (const name in given) if (!transform.drop.has(name.toLowerCase())) headers[name] = given[name];
      for (const [name, value] of transform.set) headers[name] = value;
      return headers;
    });
  },
};
