export { getUsageSummary, type UsageSummary, type UsageSummaryFilter, type UsageTotals } from './get-usage-summary';
export { ingestUsageBatch, type IngestResult, type UsageBatchInput } from './ingest-usage-batch';
export { copySafeText, encodeRequestLogRow, REQUEST_LOG_COPY_COLUMNS, type RequestLogRow } from './request-log-copy';
export { isErrorStatus, RollupAccumulator, type RollupEvent, type RollupRow } from './usage-rollups';
export { createUsageStore, type UsageStore } from './usage-store';
export { batchDays, ensureRequestLogPartitions, maintainRequestLogPartitions, type PartitionMaintenanceOptions, type PartitionMaintenanceResult } from './request-log-partitions';
export { rollUpLevels, type RollUpResult } from './roll-up-levels';
