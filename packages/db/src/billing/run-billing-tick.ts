import type { Db } from '../client/create-db';
import { deleteOldWebhookDeliveries } from '../webhooks/delete-old-deliveries';
import { enqueueUsageRecords } from '../webhooks/enqueue-usage-records';
import { closeDueStatements } from './close-due-statements';
import { refreshOpenStatements } from './refresh-open-statements';

export interface BillingTickOptions {
  closeGraceMs?: number;
  usageSettleMs?: number;
  usageLookbackMs?: number;
  /** Delivered webhook deliveries older than this are deleted. Default 30 days. */
  deliveryRetentionMs?: number;
  source?: string;
}

export interface BillingTickResult {
  closed: number;
  refreshed: number;
  usageRecordsQueued: number;
  deliveriesDeleted: number;
}

/**
 * One run of the billing schedule: close the periods that ended, refresh the open
 * estimates, queue the settled minutes of usage for the webhooks, drop old delivered
 * deliveries. Every step is
 * idempotent and safe to run from several workers at once.
 */
export async function runBillingTick(db: Db, now: Date, options: BillingTickOptions = {}): Promise<BillingTickResult> {
  const { closed } = await closeDueStatements(db, now, { graceMs: options.closeGraceMs, source: options.source });
  const { refreshed } = await refreshOpenStatements(db, now);
  const usageRecordsQueued = await enqueueUsageRecords(db, now, { settleMs: options.usageSettleMs, lookbackMs: options.usageLookbackMs, source: options.source });
  const deliveriesDeleted = await deleteOldWebhookDeliveries(db, now, options.deliveryRetentionMs);
  return { closed: closed.length, refreshed, usageRecordsQueued, deliveriesDeleted };
}
