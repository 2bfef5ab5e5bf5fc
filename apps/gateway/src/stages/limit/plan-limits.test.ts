import { describe, expect, it } from 'vitest';
import type { CompiledPlan } from '../../config/compiled-snapshot.types';
import { planLimits } from './plan-limits';

const plan = (overrides: Partial<CompiledPlan>): CompiledPlan => ({ id: 'p', slug: 'pro', name: 'Pro', rateLimit: null, quota: null, hardStop: true, ...overrides });

describe('planLimits', () => {
  it('lists every limit in RateLimit-Policy, named in the current draft and bare in draft 6', () => {
    const limits = planLimits(plan({ rateLimit: { requests: 100, per: 'minute', burst: 20 }, quota: { requests: 10_000, per: 'month' } }));
    expect(limits.policy).toBe('"minute";q=100;w=60, "burst";q=20;w=1, "month";q=10000;w=2592000');
    expect(limits.legacyPolicy).toBe('100;w=60, 20;w=1, 10000;w=2592000');
    expect(limits.policyNames).toEqual(['minute', 'burst', 'month']);
    expect(limits.rate).toEqual({ limit: 100, windowMs: 60_000, per: 'minute' });
    expect(limits.burst).toEqual({ limit: 20 });
  });

  it('ignores a burst that cannot bind (per second, or not below the limit)', () => {
    expect(planLimits(plan({ rateLimit: { requests: 10, per: 'second', burst: 5 } })).burst).toBeNull();
    expect(planLimits(plan({ rateLimit: { requests: 10, per: 'hour', burst: 10 } })).burst).toBeNull();
    expect(planLimits(plan({ rateLimit: { requests: 10, per: 'hour', burst: 0 } })).legacyPolicy).toBe('10;w=3600');
  });

  it('has an empty policy for a plan without limits, and is computed once per plan', () => {
    const free = plan({ quota: null });
    expect(planLimits(free).policy).toBe('');
    expect(planLimits(free).policyNames).toEqual([]);
    expect(planLimits(free)).toBe(planLimits(free));
  });
});
