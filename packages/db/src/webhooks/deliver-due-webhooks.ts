import { DEFAULT_WEBHOOK_MAX_ATTEMPTS, webhookBackoffMs, type BackoffOptions } from '@tollgate/domain';
import type { Db } from '../client/create-db';
import { sqlUtc } from '../billing/sql-time';
import { sendWebhook } from './send-webhook';

export interface DeliverOptions {
  /** Deliveries claimed per call. Default 100. */
  limit?: number;
  /** Sent at once. Default 8. */
  concurrency?: number;
  /** After this many failed attempts a delivery is dead. Default 12. */
  maxAttempts?: number;
  timeoutMs?: number;
  allowInsecure?: boolean;
  backoff?: BackoffOptions;
}

export interface DeliverResult {
  delivered: number;
  failed: number;
  dead: number;
}

interface Claimed {
  id: string;
  recordId: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Sends the deliveries that are due. Each is claimed with SKIP LOCKED and leased (its
 * next attempt moved past the send timeout) so concurrent workers never send the same
 * one at once; then it is marked delivered, rescheduled with exponential backoff and
 * jitter, or marked dead after `maxAttempts`.
 */
export async function deliverDueWebhooks(db: Db, now: Date, options: DeliverOptions = {}): Promise<DeliverResult> {
  const { limit = 100, concurrency = 8, maxAttempts = DEFAULT_WEBHOOK_MAX_ATTEMPTS, timeoutMs = 10_000, allowInsecure = false } = options;
  const lease = new Date(now.getTime() + timeoutMs * 3);
  const claimed = await db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d."webhookId"
      WHERE d.status = 'pending' AND w.active AND d."nextAttemptAt" <= ${sqlUtc(now)}
      ORDER BY d."nextAttemptAt" LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE webhook_deliveries d SET "nextAttemptAt" = ${sqlUtc(lease)}
    FROM due, webhooks w
    WHERE d.id = due.id AND w.id = d."webhookId"
    RETURNING d.id::text AS id, d."recordId", d.payload, d.attempts, w.url, w.secret`;
  const result: DeliverResult = { delivered: 0, failed: 0, dead: 0 };
  const queue = [...claimed];
  const work = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const item = next;
      const sent = await sendWebhook({ url: item.url, secret: item.secret, body: JSON.stringify(item.payload), eventId: item.recordId, deliveryId: item.id, now, timeoutMs, allowInsecure });
      const attempts = item.attempts + 1;
      if (sent.ok) {
        result.delivered += 1;
        await db.webhookDelivery.update({ where: { id: item.id }, data: { status: 'delivered', attempts, deliveredAt: now, lastError: null } });
      } else if (attempts >= maxAttempts) {
        result.dead += 1;
        await db.webhookDelivery.update({ where: { id: item.id }, data: { status: 'dead', attempts, lastError: sent.error ?? 'failed' } });
      } else {
        result.failed += 1;
        const nextAttemptAt = new Date(now.getTime() + webhookBackoffMs(attempts, options.backoff));
        await db.webhookDelivery.update({ where: { id: item.id }, data: { attempts, nextAttemptAt, lastError: sent.error ?? 'failed' } });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, work));
  return result;
}
