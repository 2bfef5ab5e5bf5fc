import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';
import { SUBSCRIPTION_INCLUDE, type SubscriptionWithNames } from './to-subscription-resource';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The subscription with this id, or 404 (a malformed id too); `forUpdate` locks its row so concurrent transitions queue. */
export async function findSubscriptionOrThrow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<SubscriptionWithNames> {
  if (!UUID.test(id)) throw new TollgateError('not_found', { detail: `No subscription with id "${id}".` });
  if (options.forUpdate) await tx.$queryRaw`SELECT 1 FROM "subscriptions" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const subscription = await tx.subscription.findUnique({ where: { id }, include: SUBSCRIPTION_INCLUDE });
  if (!subscription) throw new TollgateError('not_found', { detail: `No subscription with id "${id}".` });
  return subscription;
}
