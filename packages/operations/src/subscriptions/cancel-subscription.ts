import { z } from 'zod';
import { subscriptionTransition } from './subscription-transition';

/** Ends a subscription; its billing history stays. An admin may subscribe the app again later. */
export const cancelSubscription = subscriptionTransition({ name: 'subscriptions.cancel', from: ['pending', 'active', 'suspended'], to: 'cancelled', body: z.strictObject({}) });
