import type { OutgoingHttpHeaders } from 'node:http';
import type { Stage } from '../../pipeline/types';
import { allowedOrigin, compileCors, mergeVary, type CompiledCors } from './compile-cors';
import { hookResponseHead } from './hook-response-head';

/**
 * CORS on actual (non-preflight) requests of an API with a CORS policy: whatever
 * answers (upstream, cache, a gateway problem) gets Access-Control-Allow-Origin,
 * -Expose-Headers and -Credentials for an allowed Origin, and Vary: Origin always. The
 * upstream's own Access-Control-* headers are replaced: the API's policy decides.
 * Preflights are answered earlier, by corsPreflight.
 */
export const cors: Stage<CompiledCors> = {
  name: 'cors',
  phase: 'authenticate',
  priority: 1_000,
  configure({ route }) {
    if (route === null) return undefined;
    return compileCors(route.api.policies.cors);
  },
  run(ctx, config) {
    const allowed = allowedOrigin(config, ctx.req.headers.origin);
    hookResponseHead(ctx.res, (_status, given) => {
      const headers: OutgoingHttpHeaders = {};
      for (const name in given) {
        if (!name.toLowerCase().startsWith('access-control-')) headers[name] = given[name];
      }
      if (config.origins !== null) headers.vary = mergeVary(given.vary, 'Origin');
      if (allowed !== undefined) {
        headers['access-control-allow-origin'] = allowed;
        if (config.exposeHeaders !== '') headers['access-control-expose-headers'] = config.exposeHeaders;
        if (config.credentials) headers['access-control-allow-credentials'] = 'true';
      }
      return headers;
    });
  },
};
