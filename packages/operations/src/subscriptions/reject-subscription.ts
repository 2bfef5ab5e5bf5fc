import { ZRejectSubscriptionRequest } from '@tollgate/contracts';
import { subscriptionTransition } from './subscription-transition';

/** A pending request is refused with a reason its team sees; the subscription ends cancelled. */
export const rejectSubscription = subscriptionTransition({ name: 'subscriptions.reject', from: ['pending'], to: 'cancelled', body: ZRejectSubscriptionRequest });
