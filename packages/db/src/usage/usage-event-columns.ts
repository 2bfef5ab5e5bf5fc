/**
 * A batch of usage events as one array per column (the shape the flusher parses the
 * spool into and the shape PostgreSQL ingests). '' means "none" in the optional columns.
 */
export interface UsageEventColumns {
  id: string[];
  /** ISO 8601 UTC, e.g. 2026-11-22T22:02:29.123Z. */
  time: string[];
  gatewayId: string[];
  apiId: string[];
  routeKey: string[];
  appId: string[];
  keyId: string[];
  subscriptionId: string[];
  planId: string[];
  method: string[];
  path: string[];
  status: number[];
  latencyMs: number[];
  bytesIn: number[];
  bytesOut: number[];
  units: number[];
  clientIp: string[];
}

export function emptyUsageEventColumns(): UsageEventColumns {
  return {
    id: [],
    time: [],
    gatewayId: [],
    apiId: [],
    routeKey: [],
    appId: [],
    keyId: [],
    subscriptionId: [],
    planId: [],
    method: [],
    path: [],
    status: [],
    latencyMs: [],
    bytesIn: [],
    bytesOut: [],
    units: [],
    clientIp: [],
  };
}

/** Status codes counted as errors in rollups (client and server errors alike; statusClass tells them apart). */
export function isErrorStatus(status: number): boolean {
  return status >= 400;
}
