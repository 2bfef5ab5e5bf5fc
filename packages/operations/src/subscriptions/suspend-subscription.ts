import { ZSuspendSubscriptionRequest } from '@tollgate/contracts';
import { subscriptionTransition } from './subscription-transition';

/** The gateway refuses the app's calls to the API (403 subscription_suspended) until it is resumed. */
export const suspendSubscription = subscriptionTransition({ name: 'subscriptions.suspend', from: ['active'], to: 'suspended', body: ZSuspendSubscriptionRequest });
