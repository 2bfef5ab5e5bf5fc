import { LATENCY_BUCKET_COUNT, latencyBucketIndex } from '@tollgate/domain';
import { isErrorStatus, type UsageEventColumns } from './usage-event-columns';

/** One row of usage_rollups as a batch contributes it. */
export interface RollupRow {
  minute: string;
  apiId: string;
  routeKey: string;
  appId: string;
  keyId: string;
  planId: string;
  subscriptionId: string;
  statusClass: number;
  count: number;
  units: number;
  errors: number;
  bytesIn: number;
  bytesOut: number;
  latencySumMs: number;
  latencyBuckets: number[];
}

/**
 * Folds a batch into per-minute rollups. Events without an API (no route matched) are
 * only in the request log. Rows come sorted by their unique key, so concurrent
 * flushers lock rollup rows in the same order and never deadlock.
 */
export function buildRollups(events: UsageEventColumns): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  const n = events.id.length;
  for (let i = 0; i < n; i++) {
    const apiId = events.apiId[i]!;
    if (apiId === '') continue;
    const status = events.status[i]!;
    const statusClass = Math.floor(status / 100);
    // ISO strings: the first 16 characters are the minute ("2026-11-22T22:02").
    const minute = events.time[i]!.slice(0, 16);
    const key = `${minute}|${apiId}|${events.routeKey[i]}|${events.appId[i]}|${events.keyId[i]}|${events.planId[i]}|${events.subscriptionId[i]}|${statusClass}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = {
        minute: `${minute}:00.000Z`,
        apiId,
        routeKey: events.routeKey[i]!,
        appId: events.appId[i]!,
        keyId: events.keyId[i]!,
        planId: events.planId[i]!,
        subscriptionId: events.subscriptionId[i]!,
        statusClass,
        count: 0,
        units: 0,
        errors: 0,
        bytesIn: 0,
        bytesOut: 0,
        latencySumMs: 0,
        latencyBuckets: new Array<number>(LATENCY_BUCKET_COUNT).fill(0),
      };
      rows.set(key, row);
    }
    const latency = events.latencyMs[i]!;
    row.count++;
    row.units += events.units[i]!;
    if (isErrorStatus(status)) row.errors++;
    row.bytesIn += events.bytesIn[i]!;
    row.bytesOut += events.bytesOut[i]!;
    row.latencySumMs += latency;
    row.latencyBuckets[latencyBucketIndex(latency)]!++;
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}
