import { TollgateError } from '@tollgate/errors';
import type { Operation } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';
import { DISCOVERY_ACTIONS, type DiscoveryAction } from '../../discovery-actions';

type Params = { id: string; action: string };

/** promote (a route and an OpenAPI stub), block (404 or 410 at the gateway; `status: null` lifts it), ignore, split, merge (`into`). */
export const POST = apiRoute<Params>(async (ctx) => {
  if (!Object.hasOwn(DISCOVERY_ACTIONS, ctx.params.action)) throw new TollgateError('not_found', { detail: `No discovery action "${ctx.params.action}".` });
  const operation: Operation = DISCOVERY_ACTIONS[ctx.params.action as DiscoveryAction];
  return { body: await ctx.run(operation, { ...bodyObject(ctx.body), id: ctx.params.id }) };
});
