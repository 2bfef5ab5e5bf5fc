import type { TRequestLogEntry } from '@tollgate/contracts';
import { csvLines } from '@tollgate/db';

const COLUMNS = [
  'time', 'id', 'method', 'path', 'status', 'outcome', 'latencyMs', 'bytesIn', 'bytesOut', 'units', 'count',
  'apiSlug', 'routeKey', 'appSlug', 'keyPrefix', 'clientIp', 'gatewayId', 'upstreamVersion',
] as const satisfies readonly (keyof TRequestLogEntry)[];

/** The CSV file's first line. */
export const REQUEST_LOG_CSV_HEADER = csvLines([[...COLUMNS]]);

/** Entries as CSV lines, one per row, in the header's order. */
export function requestLogCsvLines(entries: TRequestLogEntry[]): string {
  return csvLines(entries.map((entry) => COLUMNS.map((column) => entry[column])));
}
