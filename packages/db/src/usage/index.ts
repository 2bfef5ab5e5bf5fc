export { buildRollups, type RollupRow } from './build-rollups';
export { deleteExpiredRequestLog, type RetentionOptions } from './delete-expired-request-log';
export { getUsageSummary, type UsageSummary, type UsageSummaryFilter, type UsageTotals } from './get-usage-summary';
export { ingestUsageBatch, type IngestResult, type UsageBatchInput } from './ingest-usage-batch';
export { emptyUsageEventColumns, isErrorStatus, type UsageEventColumns } from './usage-event-columns';
export { createUsageStore, type UsageStore } from './usage-store';
