/**
 * What became of a call, in the classes the usage charts stack: the gateway's own refusals
 * are told apart by their problem code (a plan's rate limit, an exhausted quota, refused
 * credentials), everything else by its status. Stored with every request_log row and as a
 * dimension of the rollups, so every level can split a 429 from the limit and one from the
 * quota.
 */
export const USAGE_OUTCOMES = ['success', 'clientError', 'serverError', 'rateLimited', 'overQuota', 'authFailed'] as const;
export type UsageOutcome = (typeof USAGE_OUTCOMES)[number];

export const USAGE_OUTCOME_LABELS: Readonly<Record<UsageOutcome, string>> = Object.freeze({
  success: 'Success',
  clientError: 'Client error',
  serverError: 'Server error',
  rateLimited: 'Rate limited',
  overQuota: 'Over quota',
  authFailed: 'Auth failed',
});

/** The gateway's problem codes that name their own outcome; any other code goes by its status. */
const OUTCOME_OF_CODE: Readonly<Record<string, UsageOutcome>> = Object.freeze({
  rate_limited: 'rateLimited',
  concurrency_limited: 'rateLimited',
  quota_exceeded: 'overQuota',
  missing_credentials: 'authFailed',
  malformed_api_key: 'authFailed',
  invalid_api_key: 'authFailed',
  revoked_api_key: 'authFailed',
  expired_api_key: 'authFailed',
  invalid_token: 'authFailed',
  unauthorized: 'authFailed',
  unknown_client: 'authFailed',
  too_many_failed_attempts: 'authFailed',
  no_subscription: 'authFailed',
  subscription_suspended: 'authFailed',
  out_of_scope: 'authFailed',
});

/** A call's outcome from its status and, when the gateway answered it itself, its problem code. */
export function usageOutcome(status: number, problemCode = ''): UsageOutcome {
  const named = problemCode === '' ? undefined : OUTCOME_OF_CODE[problemCode];
  if (named !== undefined) return named;
  if (status >= 500) return 'serverError';
  if (status >= 400) return 'clientError';
  return 'success';
}

export function isUsageOutcome(value: unknown): value is UsageOutcome {
  return typeof value === 'string' && (USAGE_OUTCOMES as readonly string[]).includes(value);
}

/** An outcome read back from storage; a class this version does not know (written by a newer gateway) reads as `fallback`. */
export function storedOutcome(value: string, fallback: UsageOutcome = 'clientError'): UsageOutcome {
  return isUsageOutcome(value) ? value : fallback;
}

export type OutcomeCounts = Record<UsageOutcome, number>;

export function emptyOutcomeCounts(): OutcomeCounts {
  return { success: 0, clientError: 0, serverError: 0, rateLimited: 0, overQuota: 0, authFailed: 0 };
}
