import type { TableParamsSpec } from '@tollgate/ui';

/** The request log's URL state: cursor paging, the operation's filters, and `live` (the last 5 minutes, refreshed). */
export const REQUEST_LOG_TABLE = {
  filters: ['requestId', 'from', 'to', 'status', 'outcome', 'app', 'key', 'api', 'upstreamVersion', 'route', 'latencyOverMs', 'live'],
  pageSizes: [20, 50, 100],
  defaultPageSize: 50,
} as const satisfies TableParamsSpec;

/** How often the live view asks the server for the newest requests. */
export const LIVE_REFRESH_MS = 5_000;
