import { LATENCY_BUCKET_COUNT, latencyBucketIndex, usageOutcome, type UsageOutcome } from '@tollgate/domain';

/** One row of usage_rollups as a batch contributes it. */
export interface RollupRow {
  /** ISO minute, e.g. 2026-11-22T22:02:00.000Z. */
  minute: string;
  apiId: string;
  routeKey: string;
  appId: string;
  keyId: string;
  planId: string;
  subscriptionId: string;
  statusClass: number;
  outcome: UsageOutcome;
  /** The upstream version a traffic split chose; '' when none. */
  upstreamVersion: string;
  count: number;
  units: number;
  errors: number;
  bytesIn: number;
  bytesOut: number;
  latencySumMs: number;
  latencyBuckets: number[];
}

/** The fields of one event the rollups need; '' means "none". */
export interface RollupEvent {
  /** The first 16 characters of the event's ISO time ("2026-11-22T22:02"). */
  minute: string;
  apiId: string;
  routeKey: string;
  appId: string;
  keyId: string;
  subscriptionId: string;
  planId: string;
  status: number;
  /** The call's outcome class; from its status alone when absent (an event the gateway did not answer itself). */
  outcome?: UsageOutcome;
  /** The upstream version a traffic split chose; '' or absent when none (a spool line before version 4). */
  upstreamVersion?: string;
  latencyMs: number;
  bytesIn: number;
  bytesOut: number;
  units: number;
  /**
   * Requests the event stands for; 1 when absent. A folded event (request_log.count > 1)
   * carries the sums of its requests' bytes and units and the mean of their latencies:
   * it counts as `count` requests (and errors), its latency `count` times.
   */
  count?: number;
}

/** Status codes counted as errors in rollups (client and server errors alike; statusClass tells them apart). */
export function isErrorStatus(status: number): boolean {
  return status >= 400;
}

/**
 * Folds events, one at a time, into per-minute rollups. Events without an API (no route
 * matched) are only in the request log. `rows()` comes sorted by the unique key, so
 * concurrent flushers lock rollup rows in the same order and never deadlock.
 */
export class RollupAccumulator {
  readonly #rows = new Map<string, RollupRow>();

  /** Reads the event's fields during the call only: the caller may reuse the object. */
  add(event: RollupEvent): void {
    if (event.apiId === '') return;
    const status = event.status;
    const statusClass = Math.floor(status / 100);
    const outcome = event.outcome ?? usageOutcome(status);
    const upstreamVersion = event.upstreamVersion ?? '';
    const key = `${event.minute}|${event.apiId}|${event.routeKey}|${event.appId}|${event.keyId}|${event.planId}|${event.subscriptionId}|${statusClass}|${outcome}|${upstreamVersion}`;
    let row = this.#rows.get(key);
    if (row === undefined) {
      row = {
        minute: `${event.minute}:00.000Z`,
        apiId: event.apiId,
        routeKey: event.routeKey,
        appId: event.appId,
        keyId: event.keyId,
        planId: event.planId,
        subscriptionId: event.subscriptionId,
        statusClass,
        outcome,
        upstreamVersion,
        count: 0,
        units: 0,
        errors: 0,
        bytesIn: 0,
        bytesOut: 0,
        latencySumMs: 0,
        latencyBuckets: new Array<number>(LATENCY_BUCKET_COUNT).fill(0),
      };
      this.#rows.set(key, row);
    }
    const requests = event.count ?? 1;
    row.count += requests;
    row.units += event.units;
    if (isErrorStatus(status)) row.errors += requests;
    row.bytesIn += event.bytesIn;
    row.bytesOut += event.bytesOut;
    row.latencySumMs += event.latencyMs * requests;
    row.latencyBuckets[latencyBucketIndex(event.latencyMs)]! += requests;
  }

  rows(): RollupRow[] {
    return [...this.#rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  }
}
