import { z } from 'zod';
import { ZSlug } from '../config/config-file.schema';
import { ZPageQuery } from './page.schema';

export const ZSubscriptionStatus = z.enum(['pending', 'active', 'suspended', 'cancelled']);
export type TSubscriptionStatus = z.infer<typeof ZSubscriptionStatus>;

/** An admin subscribes an app to an API on a plan; a plan with approvalRequired starts it pending. */
export const ZCreateSubscriptionRequest = z.strictObject({
  app: ZSlug,
  api: ZSlug,
  plan: ZSlug,
});
export type TCreateSubscriptionRequest = z.infer<typeof ZCreateSubscriptionRequest>;

export const ZListSubscriptionsQuery = ZPageQuery.extend({
  status: ZSubscriptionStatus.optional(),
  /** Only the subscriptions of this app, team or API (slugs). */
  app: ZSlug.optional(),
  team: ZSlug.optional(),
  api: ZSlug.optional(),
});

/** An id that is no subscription's (malformed ones included) is a 404. */
export const ZSubscriptionIdParams = z.strictObject({ id: z.string().min(1).max(100) });

/** Rejecting a pending request says why; the team sees the reason. */
export const ZRejectSubscriptionRequest = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export const ZSuspendSubscriptionRequest = z.strictObject({ reason: z.string().trim().max(1000).optional() });
export const ZMoveSubscriptionRequest = z.strictObject({ plan: ZSlug });

export const ZSubscriptionResource = z.object({
  id: z.string(),
  app: z.string(),
  team: z.string(),
  api: z.string(),
  plan: z.string(),
  status: ZSubscriptionStatus,
  /** Why it was rejected or suspended; null otherwise. */
  statusReason: z.string().nullable(),
  quotaOverride: z.int().nullable(),
  quotaResetAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TSubscriptionResource = z.infer<typeof ZSubscriptionResource>;
