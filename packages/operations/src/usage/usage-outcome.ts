/** The outcome classes live in @tollgate/domain: the gateway records them, the charts stack them. */
export { USAGE_OUTCOMES, USAGE_OUTCOME_LABELS, emptyOutcomeCounts, isUsageOutcome, type OutcomeCounts, type UsageOutcome } from '@tollgate/domain';
