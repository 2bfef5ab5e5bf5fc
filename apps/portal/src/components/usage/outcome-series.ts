import { USAGE_OUTCOME_LABELS, USAGE_OUTCOMES, type OutcomeCounts, type UsageOutcome } from '@tollgate/domain';
import type { ChartSeries } from '@/components/charts/stacked-time-chart';

/** A theme colour per outcome class, so the stacks read the same on every page and in dark mode. */
const OUTCOME_COLORS: Readonly<Record<string, string>> = {
  success: 'var(--success)',
  clientError: 'var(--warning)',
  serverError: 'var(--destructive)',
  rateLimited: 'var(--chart-rate-limited)',
  overQuota: 'var(--chart-over-quota)',
  authFailed: 'var(--chart-auth-failed)',
};

/** Every outcome the rollups record, in their order, as chart series (built on the server and passed to the chart). */
export function outcomeSeries(): Array<ChartSeries<UsageOutcome>> {
  return USAGE_OUTCOMES.map((key) => ({ key, label: USAGE_OUTCOME_LABELS[key], color: OUTCOME_COLORS[key] ?? 'var(--muted-foreground)' }));
}

/** "12 success, 3 client error, 0 server error, …" for a chart's screen-reader label. */
export function describeOutcomes(counts: OutcomeCounts): string {
  return USAGE_OUTCOMES.map((key) => `${counts[key]} ${USAGE_OUTCOME_LABELS[key].toLowerCase()}`).join(', ');
}
