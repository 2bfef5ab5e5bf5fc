import { ZTeamRecordId } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { cancelSubscription } from '../subscriptions/cancel-subscription';
import { findTeamSubscriptionOrThrow } from './find-team-records';

/** Cancels a subscription of one of the caller's apps (a pending request is withdrawn); its keys stop calling that API. */
export const cancelTeamSubscription = defineOperation({
  name: 'team_subscriptions.cancel',
  role: 'developer',
  input: ZTeamRecordId,
  audit: { resourceType: 'subscription' },
  async run(tx, input, ctx) {
    await findTeamSubscriptionOrThrow(tx, ctx.principal, input.id);
    return cancelSubscription.run(tx, input, ctx);
  },
});
