import { usageOutcome, type UsageOutcome } from '@tollgate/domain';

/**
 * request_log rows as `COPY … FROM STDIN` reads them: one `\n`-terminated line per row,
 * fields separated by tabs in the order of REQUEST_LOG_COPY_COLUMNS, CSV format with the
 * unit separator (0x1f) as the quote character (it never occurs in the data, so nothing
 * is ever quoted or escaped: backslashes, double quotes and commas are plain bytes) and
 * an empty field meaning NULL. The gateway's spool lines carry the same fields after the
 * batch id, so a batch is built from slices of the spool.
 */
export const REQUEST_LOG_COPY_COLUMNS = [
  'batchId',
  'id',
  'time',
  'gatewayId',
  'apiId',
  'routeKey',
  'appId',
  'keyId',
  'subscriptionId',
  'planId',
  'method',
  'path',
  'status',
  'latencyMs',
  'bytesIn',
  'bytesOut',
  'units',
  'clientIp',
  'count',
  'outcome',
  'upstreamVersion',
] as const;

/** The COPY options matching the encoding above. */
export const REQUEST_LOG_COPY_FORMAT = `FORMAT csv, DELIMITER E'\\t', QUOTE E'\\x1f', NULL ''`;

// Bytes that would break a row: field and row separators, the quote character, NUL.
// eslint-disable-next-line no-control-regex
const COPY_UNSAFE = /[\0\t\n\r\x1f]/;
// eslint-disable-next-line no-control-regex
const COPY_UNSAFE_ALL = /[\0\t\n\r\x1f]/g;

/** Free text made safe for a request_log COPY field: tabs, CR, LF, 0x1f and NUL become spaces. */
export function copySafeText(text: string): string {
  return COPY_UNSAFE.test(text) ? text.replace(COPY_UNSAFE_ALL, ' ') : text;
}

/** One request_log row as an object; absent optional fields are stored as NULL. */
export interface RequestLogRow {
  id: string;
  /** ISO 8601 UTC with milliseconds, e.g. 2026-11-22T22:02:29.123Z. */
  time: string;
  gatewayId: string;
  apiId?: string;
  routeKey?: string;
  appId?: string;
  keyId?: string;
  subscriptionId?: string;
  planId?: string;
  method: string;
  path: string;
  status: number;
  latencyMs: number;
  bytesIn: number;
  bytesOut: number;
  units: number;
  clientIp?: string;
  /** Requests the row stands for (a folded row of refused credentials); 1 when absent. */
  count?: number;
  /** The call's outcome class; from its status when absent. */
  outcome?: UsageOutcome;
  /** The upstream version a traffic split chose; NULL when absent. */
  upstreamVersion?: string;
}

/** Encodes one row (with its batch id) as a COPY line; unsafe bytes in text become spaces. */
export function encodeRequestLogRow(batchId: string, row: RequestLogRow): string {
  const fields = REQUEST_LOG_COPY_COLUMNS.map((column) => {
    const value = column === 'batchId' ? batchId : column === 'count' ? (row.count ?? 1) : column === 'outcome' ? (row.outcome ?? usageOutcome(row.status)) : row[column];
    return value === undefined ? '' : copySafeText(String(value));
  });
  return `${fields.join('\t')}\n`;
}
