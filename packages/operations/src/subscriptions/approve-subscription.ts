import { z } from 'zod';
import { subscriptionTransition } from './subscription-transition';

/** A pending request becomes active: its keys work on the gateway within a second, and its team is told. */
export const approveSubscription = subscriptionTransition({
  name: 'subscriptions.approve',
  from: ['pending'],
  to: 'active',
  body: z.strictObject({}),
  notice: (after) => ({
    kind: 'subscription.approved',
    title: `${after.app} may call ${after.api}`,
    body: `The request of ${after.app} for ${after.api} on the ${after.plan} plan was approved: its keys work now.`,
  }),
});
