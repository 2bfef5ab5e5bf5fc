import { describe, expect, it } from 'vitest';
import { isUsageOutcome, storedOutcome, usageOutcome, USAGE_OUTCOMES } from './usage-outcome';

describe('usageOutcome', () => {
  it('tells the plan limit, the quota and refused credentials apart by the problem code', () => {
    expect(usageOutcome(429, 'rate_limited')).toBe('rateLimited');
    expect(usageOutcome(429, 'concurrency_limited')).toBe('rateLimited');
    expect(usageOutcome(429, 'quota_exceeded')).toBe('overQuota');
    expect(usageOutcome(401, 'invalid_api_key')).toBe('authFailed');
    expect(usageOutcome(403, 'no_subscription')).toBe('authFailed');
    expect(usageOutcome(429, 'too_many_failed_attempts')).toBe('authFailed');
  });

  it('classes everything else by its status, an upstream 429 included', () => {
    expect(usageOutcome(200)).toBe('success');
    expect(usageOutcome(304)).toBe('success');
    expect(usageOutcome(429)).toBe('clientError');
    expect(usageOutcome(401)).toBe('clientError');
    expect(usageOutcome(499)).toBe('clientError');
    expect(usageOutcome(404, 'route_not_found')).toBe('clientError');
    expect(usageOutcome(502, 'upstream_failed')).toBe('serverError');
  });

  it('recognises its own names only', () => {
    for (const outcome of USAGE_OUTCOMES) expect(isUsageOutcome(outcome)).toBe(true);
    expect(isUsageOutcome('ok')).toBe(false);
    expect(isUsageOutcome('')).toBe(false);
  });

  it('reads a stored class it does not know as the fallback', () => {
    expect(storedOutcome('overQuota')).toBe('overQuota');
    expect(storedOutcome('teapot')).toBe('clientError');
    expect(storedOutcome('teapot', 'serverError')).toBe('serverError');
  });
});
