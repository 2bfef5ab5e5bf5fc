import { z } from 'zod';
import { subscriptionTransition } from './subscription-transition';

/** A pending request becomes active: its keys work on the gateway within a second. */
export const approveSubscription = subscriptionTransition({ name: 'subscriptions.approve', from: ['pending'], to: 'active', body: z.strictObject({}) });
