import { TollgateError } from '@tollgate/errors';
import type { Stage } from '../pipeline/types';

/**
 * The one stage of a route whose stored policies do not parse (compile-snapshot binds it
 * instead of the others): the route answers 503 rather than run with half its policies
 * ignored, which could open what an IP rule or a limit was meant to close.
 */
export const misconfigured: Stage<string> = {
  name: 'misconfigured',
  phase: 'authenticate',
  priority: Number.MAX_SAFE_INTEGER,
  configure: () => undefined,
  run(_ctx, reason) {
    throw new TollgateError('route_misconfigured', { internal: reason, detail: 'This route cannot be served until its configuration is fixed.', headers: { 'retry-after': '30' } });
  },
};
