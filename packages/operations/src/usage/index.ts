export { getUsage, readUsage, type LatencyPercentiles, type UsageEndpoint, type UsagePoint, type UsageReport } from './get-usage';
export { listQuotaMeters, readQuotaMeters, type QuotaMeter } from './list-quota-meters';
export { BUCKET_LADDER_MS, MAX_BUCKETS, pickRollupLevel, ROLLUP_SOURCE_MS, type RollupLevel, type RollupSource } from './rollup-level';
export { emptyOutcomeCounts, outcomeOfStatusClass, USAGE_OUTCOME_LABELS, USAGE_OUTCOMES, type OutcomeCounts, type UsageOutcome } from './usage-outcome';
export { resolveUsageScope, type UsageScope } from './usage-scope';
export { usageReportToCsv } from './usage-report-csv';
