import type { Db } from '../client/create-db';
import { enqueueUsageRecords } from '../webhooks/enqueue-usage-records';
import { closeDueStatements } from './close-due-statements';
import { refreshOpenStatements } from './refresh-open-statements';

export interface BillingTickOptions {
  closeGraceMs?: number;
  usageSettleMs?: number;
  usageLookbackMs?: number;
  source?: string;
}

export interface BillingTickResult {
  closed: number;
  refreshed: number;
  usageRecordsQueued: number;
}

/**
 * One run of the billing schedule: close the periods that ended, refresh the open
 * estimates, queue the settled minutes of usage for the webhooks. Every step is
 * idempotent and safe to run from several workers at once.
 */
export async function runBillingTick(db: Db, now: Date, options: BillingTickOptions = {}): Promise<BillingTickResult> {
  const { closed } = await closeDueStatements(db, now, { graceMs: options.closeGraceMs, source: options.source });
  const { refreshed } = await refreshOpenStatements(db, now);
  const usageRecordsQueued = await enqueueUsageRecords(db, now, { settleMs: options.usageSettleMs, lookbackMs: options.usageLookbackMs, source: options.source });
  return { closed: closed.length, refreshed, usageRecordsQueued };
}
