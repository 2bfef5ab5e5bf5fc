import { TollgateError } from '@tollgate/errors';
import type { Db } from '../client/create-db';
import type { DeliveryStatus } from '../generated/prisma/client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WebhookSummary {
  id: string;
  url: string;
  events: string[];
  team: string | null;
  active: boolean;
  createdAt: Date;
  pending: number;
  dead: number;
}

/** Webhooks with their queue depth; secrets are never listed. */
export async function listWebhooks(db: Db): Promise<WebhookSummary[]> {
  const hooks = await db.webhook.findMany({ include: { team: { select: { slug: true } } }, orderBy: { createdAt: 'asc' } });
  const counts = await db.webhookDelivery.groupBy({ by: ['webhookId', 'status'], where: { status: { in: ['pending', 'dead'] } }, _count: { _all: true } });
  const count = (id: string, status: DeliveryStatus) => counts.find((row) => row.webhookId === id && row.status === status)?._count._all ?? 0;
  return hooks.map((hook) => ({
    id: hook.id,
    url: hook.url,
    events: hook.eventTypes,
    team: hook.team?.slug ?? null,
    active: hook.active,
    createdAt: hook.createdAt,
    pending: count(hook.id, 'pending'),
    dead: count(hook.id, 'dead'),
  }));
}

export async function deleteWebhook(db: Db, id: string): Promise<{ id: string }> {
  if (!UUID.test(id)) throw new TollgateError('not_found', { detail: `no webhook with id "${id}"` });
  const deleted = await db.webhook.deleteMany({ where: { id } });
  if (deleted.count === 0) throw new TollgateError('not_found', { detail: `no webhook with id "${id}"` });
  return { id };
}

export interface DeliverySummary {
  id: string;
  webhookId: string;
  url: string;
  recordId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export async function listWebhookDeliveries(
  db: Db,
  filter: { status?: DeliveryStatus; webhookId?: string; limit?: number } = {},
): Promise<DeliverySummary[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { ...(filter.status ? { status: filter.status } : {}), ...(filter.webhookId ? { webhookId: filter.webhookId } : {}) },
    include: { webhook: { select: { url: true } } },
    orderBy: { createdAt: 'desc' },
    take: filter.limit ?? 100,
  });
  return rows.map(({ webhook, payload: _payload, ...row }) => ({ ...row, url: webhook.url }));
}

/** Puts a dead (or delivered) delivery back in the queue for an immediate attempt, attempts reset. */
export async function redeliverWebhook(db: Db, id: string, now: Date = new Date()): Promise<{ id: string; status: DeliveryStatus }> {
  if (!UUID.test(id)) throw new TollgateError('not_found', { detail: `no delivery with id "${id}"` });
  const updated = await db.webhookDelivery.updateMany({ where: { id }, data: { status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null } });
  if (updated.count === 0) throw new TollgateError('not_found', { detail: `no delivery with id "${id}"` });
  return { id, status: 'pending' };
}
