import { z } from 'zod';
import { subscriptionTransition } from './subscription-transition';

export const resumeSubscription = subscriptionTransition({ name: 'subscriptions.resume', from: ['suspended'], to: 'active', body: z.strictObject({}) });
