import { ZRejectSubscriptionRequest } from '@tollgate/contracts';
import { subscriptionTransition } from './subscription-transition';

/** A pending request is refused with a reason its team sees (in a notification too); the subscription ends cancelled. */
export const rejectSubscription = subscriptionTransition({
  name: 'subscriptions.reject',
  from: ['pending'],
  to: 'cancelled',
  body: ZRejectSubscriptionRequest,
  notice: (after) => ({
    kind: 'subscription.rejected',
    title: `${after.app}'s request for ${after.api} was rejected`,
    body: `The request of ${after.app} for ${after.api} on the ${after.plan} plan was rejected: ${(after.statusReason ?? 'no reason given').replace(/\.$/, '')}.`,
  }),
});
