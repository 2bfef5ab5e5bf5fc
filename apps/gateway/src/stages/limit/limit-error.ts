import { TollgateError } from '@tollgate/errors';
import type { LimitCheck } from '../../adapters/rate-limit/limit-check';
import type { PlanLimits } from './plan-limits';

/** 429 rate_limited: names the plan and the limit that refused. */
export function rateLimited(limits: PlanLimits, check: LimitCheck, windowSeconds: number, retryAfter: number): TollgateError {
  return new TollgateError('rate_limited', {
    detail: `The ${limits.planName} plan allows ${check.limit} requests per ${describeWindow(windowSeconds)}. Retry in ${retryAfter} s.`,
    extensions: { plan: limits.planSlug, limit: check.limit, window: windowSeconds },
    headers: { 'retry-after': String(retryAfter) },
  });
}

/** 429 quota_exceeded: the period's quota is spent; says when it resets. */
export function quotaExceeded(limits: PlanLimits, check: LimitCheck, retryAfter: number): TollgateError {
  const resetAt = new Date(check.windowEnd).toISOString();
  return new TollgateError('quota_exceeded', {
    detail: `The ${limits.planName} plan's quota of ${check.limit} units per ${limits.quota?.per ?? 'period'} is used up until ${resetAt}.`,
    extensions: { plan: limits.planSlug, limit: check.limit, period: limits.quota?.per, resetAt },
    headers: { 'retry-after': String(retryAfter) },
  });
}

/** 503 rate_limiter_unavailable, for APIs that fail closed. */
export function limiterUnavailable(): TollgateError {
  return new TollgateError('rate_limiter_unavailable', {
    detail: 'Limits for this API cannot be checked right now. Retry shortly.',
    headers: { 'retry-after': '1' },
  });
}

function describeWindow(seconds: number): string {
  if (seconds === 1) return 'second';
  if (seconds === 60) return 'minute';
  if (seconds === 3600) return 'hour';
  return `${seconds} s`;
}
