import { ZSubscriptionIdParams } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { findSubscriptionOrThrow } from './find-subscription-or-throw';
import { toSubscriptionResource } from './to-subscription-resource';

export const getSubscription = defineOperation({
  name: 'subscriptions.get',
  role: 'viewer',
  input: ZSubscriptionIdParams,
  async run(tx, input) {
    return toSubscriptionResource(await findSubscriptionOrThrow(tx, input.id));
  },
});
