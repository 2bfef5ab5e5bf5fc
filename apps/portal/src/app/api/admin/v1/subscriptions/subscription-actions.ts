import {
  approveSubscription,
  cancelSubscription,
  moveSubscription,
  rejectSubscription,
  resetSubscriptionQuota,
  resumeSubscription,
  suspendSubscription,
} from '@tollgate/operations';

/** POST /subscriptions/{id}/<action>: the operation behind each action. */
export const SUBSCRIPTION_ACTIONS = {
  approve: approveSubscription,
  reject: rejectSubscription,
  suspend: suspendSubscription,
  resume: resumeSubscription,
  move: moveSubscription,
  'reset-quota': resetSubscriptionQuota,
  cancel: cancelSubscription,
} as const;

export type SubscriptionAction = keyof typeof SUBSCRIPTION_ACTIONS;
