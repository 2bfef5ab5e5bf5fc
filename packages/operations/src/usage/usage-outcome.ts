/**
 * What became of a call, as far as the rollups record it: their key holds the status class
 * (status / 100), so 1xx-3xx are successes, 4xx client errors (the limits' 429s and the
 * client's own 499 among them), 5xx server errors.
 */
export const USAGE_OUTCOMES = ['success', 'clientError', 'serverError'] as const;
export type UsageOutcome = (typeof USAGE_OUTCOMES)[number];

export const USAGE_OUTCOME_LABELS: Readonly<Record<UsageOutcome, string>> = Object.freeze({
  success: 'Success',
  clientError: 'Client error',
  serverError: 'Server error',
});

export function outcomeOfStatusClass(statusClass: number): UsageOutcome {
  if (statusClass >= 5) return 'serverError';
  if (statusClass === 4) return 'clientError';
  return 'success';
}

export type OutcomeCounts = Record<UsageOutcome, number>;

export function emptyOutcomeCounts(): OutcomeCounts {
  return { success: 0, clientError: 0, serverError: 0 };
}
