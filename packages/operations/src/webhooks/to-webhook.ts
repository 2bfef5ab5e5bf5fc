import type { TWebhook, TWebhookDelivery } from '@tollgate/contracts';
import type { Webhook, WebhookDelivery } from '@tollgate/db';

export type WebhookWithTeam = Webhook & { team: { slug: string } | null };

export const WEBHOOK_INCLUDE = { team: { select: { slug: true } } } as const;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Never the secret: it is shown once, when the webhook is created. */
export function toWebhook(row: WebhookWithTeam): TWebhook {
  return { id: row.id, url: row.url, events: row.eventTypes, team: row.team?.slug ?? null, active: row.active, createdAt: row.createdAt.toISOString() };
}

/** The worker records a receiver's refusal as `HTTP <status> <body>`; the status is read back from it. */
export function toWebhookDelivery(row: Omit<WebhookDelivery, 'payload'>): TWebhookDelivery {
  const status = row.lastError ? /^HTTP (\d{3})\b/.exec(row.lastError) : null;
  return {
    id: row.id,
    webhookId: row.webhookId,
    recordId: row.recordId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    responseStatus: status ? Number(status[1]) : null,
    deliveredAt: iso(row.deliveredAt),
    createdAt: row.createdAt.toISOString(),
  };
}
