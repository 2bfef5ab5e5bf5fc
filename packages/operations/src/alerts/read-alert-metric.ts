import { latencyQuantile } from '@tollgate/domain';
import { Prisma, type AlertMetric } from '@tollgate/db';
import type { Tx } from '../core/define-operation';
import { histogramOf, LATENCY_BUCKET_SUMS, rollupRows } from '../usage/rollup-sql';
import { readQuotaMeters } from '../usage/list-quota-meters';

const MINUTE = 60_000;
const EVERY_APP = { appIds: null, keyId: null } as const;

export interface AlertRuleInput {
  metric: AlertMetric;
  apiId: string | null;
  subscriptionId: string | null;
  windowMinutes: number;
}

/**
 * The value a rule compares with its threshold, read through the usage query module: the
 * error rate (%) and p95 (ms, from the merged latency histograms) of the last `windowMinutes`
 * minutes of rollups (the current minute included, as the dashboards show it), or the
 * subscription's quota use (%) in its current quota period. Null when there is nothing to
 * judge: no calls in the window, no quota on the plan, or the subscription gone.
 */
export async function readAlertMetric(tx: Tx, rule: AlertRuleInput, now: Date): Promise<number | null> {
  if (rule.metric === 'quota_used') return readQuotaUsedPercent(tx, rule.subscriptionId, now);
  const to = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE + MINUTE);
  const from = new Date(to.getTime() - rule.windowMinutes * MINUTE);
  const api = rule.apiId === null ? Prisma.empty : Prisma.sql`WHERE r."apiId" = ${rule.apiId}::uuid`;
  const [row] = await tx.$queryRaw<{ requests: bigint | null; errors: bigint | null; buckets: bigint[] }[]>`
    SELECT sum(r.count)::bigint AS requests, sum(r.errors)::bigint AS errors, ${LATENCY_BUCKET_SUMS} AS buckets
    FROM ${rollupRows(EVERY_APP, 'minute', from, to, null)} ${api}`;
  const requests = Number(row?.requests ?? 0);
  if (requests === 0) return null;
  if (rule.metric === 'error_rate') return (Number(row!.errors ?? 0) / requests) * 100;
  return latencyQuantile(histogramOf(row!.buckets), 0.95);
}

async function readQuotaUsedPercent(tx: Tx, subscriptionId: string | null, now: Date): Promise<number | null> {
  if (subscriptionId === null) return null;
  const subscription = await tx.subscription.findUnique({ where: { id: subscriptionId }, select: { appId: true } });
  if (!subscription) return null;
  const meter = (await readQuotaMeters(tx, { appIds: [subscription.appId], keyId: null }, now)).find((entry) => entry.subscriptionId === subscriptionId);
  if (!meter || meter.limit === null || meter.limit === 0) return null;
  return (meter.used / meter.limit) * 100;
}
