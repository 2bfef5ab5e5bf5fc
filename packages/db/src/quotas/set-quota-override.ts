import { TollgateError } from '@tollgate/errors';
import type { Db } from '../client/create-db';
import { bumpConfigRevision } from '../config/bump-config-revision';
import { findSubscriptionOrThrow, type SubscriptionRef } from './find-subscription-or-throw';
import { toState, type QuotaState } from './reset-quota';

/**
 * Replaces the plan's quota for one subscription (`requests`), or goes back to the
 * plan's (`null`). Units already counted in the period still count; raising the quota
 * lets the subscription continue at once.
 */
export async function setQuotaOverride(db: Db, ref: SubscriptionRef & { requests: number | null }): Promise<QuotaState> {
  if (ref.requests !== null && (!Number.isSafeInteger(ref.requests) || ref.requests < 0)) {
    throw new TollgateError('invalid_params', {
      detail: 'the quota override must be a whole number of units, 0 or more',
      invalidParams: [{ name: 'requests', reason: 'must be an integer >= 0' }],
    });
  }
  return db.$transaction(async (tx) => {
    const found = await findSubscriptionOrThrow(tx, ref);
    const updated = await tx.subscription.update({ where: { id: found.id }, data: { quotaOverride: ref.requests } });
    const label = ref.requests === null ? 'plan quota' : `quota ${ref.requests}`;
    const revision = await bumpConfigRevision(tx, [{ action: 'update', kind: 'subscription', name: `${ref.appSlug}/${ref.apiSlug} ${label}`, id: found.id }]);
    return toState(found, updated, revision);
  });
}
