import { TollgateError } from '@tollgate/errors';
import type { Prisma } from '../generated/prisma/client';

export interface SubscriptionRef {
  appSlug: string;
  apiSlug: string;
}

/** The subscription of an app to an API, by slugs; not_found names what is missing. */
export async function findSubscriptionOrThrow(tx: Prisma.TransactionClient, { appSlug, apiSlug }: SubscriptionRef) {
  const subscription = await tx.subscription.findFirst({
    where: { app: { slug: appSlug }, api: { slug: apiSlug } },
    include: { plan: { select: { slug: true, quotaRequests: true, quotaPer: true } } },
  });
  if (!subscription) throw new TollgateError('not_found', { detail: `app "${appSlug}" has no subscription to the "${apiSlug}" API` });
  return subscription;
}
