import { ZSubscriptionIdParams, type TSubscriptionResource, type TSubscriptionStatus } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import type { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findSubscriptionOrThrow } from './find-subscription-or-throw';
import { notifySubscriptionTeam, type SubscriptionNotice } from './notify-subscription-team';
import { SUBSCRIPTION_INCLUDE, toSubscriptionResource } from './to-subscription-resource';

interface Transition<TBody extends z.ZodObject> {
  name: string;
  from: readonly TSubscriptionStatus[];
  to: TSubscriptionStatus;
  /** The request body's schema; its `reason`, when present, is kept as the status reason. */
  body: TBody;
  /** What the app's team is told of this transition (a notification row), if anything. */
  notice?: (after: TSubscriptionResource) => SubscriptionNotice;
}

/** An operation moving a subscription from one of `from` to `to` (409 from any other status), with the gateway told. */
export function subscriptionTransition<TBody extends z.ZodObject>({ name, from, to, body, notice }: Transition<TBody>) {
  return defineOperation({
    name,
    role: 'admin',
    input: body.extend(ZSubscriptionIdParams.shape),
    audit: { resourceType: 'subscription' },
    async run(tx, input, ctx) {
      const id = (input as { id: string }).id;
      const reason = (input as { reason?: string }).reason;
      const current = await findSubscriptionOrThrow(tx, id, { forUpdate: true });
      const before = toSubscriptionResource(current);
      ctx.checkIfMatch(before);
      if (!from.includes(current.status)) {
        throw new TollgateError('conflict', { detail: `The subscription is ${current.status}: only a ${from.join(' or ')} one can move to ${to}.` });
      }
      const row = await tx.subscription.update({ where: { id }, data: { status: to, statusReason: reason ?? null }, include: SUBSCRIPTION_INCLUDE });
      const after = toSubscriptionResource(row);
      ctx.configChanged('subscription', id, `${after.app}/${after.api}`);
      if (notice) await notifySubscriptionTeam(tx, current.appId, after, notice(after));
      ctx.audit({ resourceId: id, before, after });
      return after;
    },
  });
}
