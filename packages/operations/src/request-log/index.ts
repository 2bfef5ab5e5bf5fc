export { listRequestLog } from './list-request-log';
export { getRequestLogEntry } from './get-request-log-entry';
export { exportRequestLog, type RequestLogExport } from './export-request-log';
export { REQUEST_LOG_CSV_HEADER, requestLogCsvLines } from './request-log-csv';
