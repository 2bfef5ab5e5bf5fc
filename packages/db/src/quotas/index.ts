export { resetQuota, resetQuotaInTransaction, type QuotaState } from './reset-quota';
export { setQuotaOverride } from './set-quota-override';
export type { SubscriptionRef } from './find-subscription-or-throw';
