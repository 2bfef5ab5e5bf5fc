import { WEBHOOK_EVENT_TYPES } from '@tollgate/domain';
import { z } from 'zod';
import { ZSlug } from '../config/config-file.schema';
import { ZPageQuery } from './page.schema';

/** https only; where it points (loopback, private, link-local, metadata) is checked when it is saved. */
export const ZWebhookUrl = z.url({ protocol: /^https?$/, error: 'must be an https URL' }).max(2000);

export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPES, { error: `must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` });

export const ZCreateWebhookRequest = z.strictObject({
  url: ZWebhookUrl,
  /** CloudEvents types to send; empty sends every type. */
  events: z.array(ZWebhookEventType).max(WEBHOOK_EVENT_TYPES.length * 2).default([]),
  /** Only the records of this team's apps; none means every team. */
  team: ZSlug.optional(),
  active: z.boolean().default(true),
});
export type TCreateWebhookRequest = z.infer<typeof ZCreateWebhookRequest>;

export const ZUpdateWebhookRequest = z.strictObject({
  url: ZWebhookUrl.optional(),
  events: z.array(ZWebhookEventType).max(WEBHOOK_EVENT_TYPES.length * 2).optional(),
  active: z.boolean().optional(),
});
export type TUpdateWebhookRequest = z.infer<typeof ZUpdateWebhookRequest>;

/** A webhook as the API shows it: never its signing secret. */
export const ZWebhook = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  team: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type TWebhook = z.infer<typeof ZWebhook>;

/** A webhook in a list, with its queue: deliveries waiting and dead letters. */
export const ZWebhookSummary = ZWebhook.extend({ pending: z.int(), dead: z.int() });
export type TWebhookSummary = z.infer<typeof ZWebhookSummary>;

/** What creating a webhook answers, once: the signing secret beside the record. */
export const ZCreatedWebhook = ZWebhook.extend({ secret: z.string() });
export type TCreatedWebhook = z.infer<typeof ZCreatedWebhook>;

export const ZDeliveryStatus = z.enum(['pending', 'delivered', 'dead']);

export const ZListWebhookDeliveriesQuery = ZPageQuery.extend({
  /** `dead` lists the dead letters. */
  status: ZDeliveryStatus.optional(),
});

export const ZWebhookDelivery = z.object({
  id: z.string(),
  webhookId: z.string(),
  /** The CloudEvents id: the same record always has the same id. */
  recordId: z.string(),
  eventType: z.string(),
  status: ZDeliveryStatus,
  attempts: z.int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** The receiver's HTTP status on the last failed attempt, when it answered. */
  responseStatus: z.int().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;
