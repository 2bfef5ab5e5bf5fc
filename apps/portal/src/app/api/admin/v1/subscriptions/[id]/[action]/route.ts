import { TollgateError } from '@tollgate/errors';
import { apiRoute } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';
import { SUBSCRIPTION_ACTIONS, type SubscriptionAction } from '../../subscription-actions';

type Params = { id: string; action: string };

/** approve, reject (with a reason), suspend, resume, move (to a plan), reset-quota, cancel; `If-Match` refuses a stale one. */
export const POST = apiRoute<Params>(async (ctx) => {
  if (!Object.hasOwn(SUBSCRIPTION_ACTIONS, ctx.params.action)) throw new TollgateError('not_found', { detail: `No subscription action "${ctx.params.action}".` });
  const operation = SUBSCRIPTION_ACTIONS[ctx.params.action as SubscriptionAction];
  return { body: await ctx.run(operation, { ...bodyObject(ctx.body), id: ctx.params.id }), etag: true };
});
