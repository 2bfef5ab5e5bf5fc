import type { TConfigFile } from '@tollgate/contracts';
import type { SlugResolver } from './slug-resolver';

/**
 * Each aggregate call's `upstream` must name an API in the file or the database (the
 * gateway sends the call to that API's upstream). Runs after APIs are written and pruned.
 */
export async function checkRouteBackends(config: TConfigFile, resolve: SlugResolver): Promise<void> {
  for (const [apiIndex, api] of config.apis.entries()) {
    for (const [routeIndex, route] of api.routes.entries()) {
      if (route.backend?.kind !== 'aggregate') continue;
      for (const [callIndex, call] of route.backend.calls.entries()) {
        if (call.upstream !== undefined) await resolve.api(call.upstream, `apis[${apiIndex}].routes[${routeIndex}].backend.calls[${callIndex}].upstream`);
      }
    }
  }
}
