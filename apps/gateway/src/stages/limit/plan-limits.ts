import { RATE_WINDOW_MS, type QuotaPer } from '@tollgate/domain';
import type { CompiledPlan } from '../../config/compiled-snapshot.types';
import { serializePolicies, type NamedPolicy } from './ratelimit-fields';

/** Nominal period lengths for RateLimit-Policy (`w=`); a month is reported as 30 days. */
const QUOTA_WINDOW_SECONDS: Readonly<Record<QuotaPer, number>> = { day: 86_400, month: 2_592_000 };

export interface PlanLimits {
  readonly planSlug: string;
  readonly planName: string;
  readonly rate: { readonly limit: number; readonly windowMs: number; readonly per: string } | null;
  /** At most this many requests in any one-second window (the plan's burst), when the rate window is longer. */
  readonly burst: { readonly limit: number } | null;
  readonly quota: { readonly limit: number; readonly per: QuotaPer } | null;
  readonly hardStop: boolean;
  /** Policy names in the order of the limit stage's checks (rate, burst, quota): `minute`, `burst`, `month`. */
  readonly policyNames: readonly string[];
  /** RateLimit-Policy value of the current draft, e.g. `"minute";q=10;w=60, "month";q=1000;w=2592000`. */
  readonly policy: string;
  /** RateLimit-Policy value of draft 6, e.g. `10;w=60, 1000;w=2592000`. */
  readonly legacyPolicy: string;
}

const cache = new WeakMap<CompiledPlan, PlanLimits>();

/** The plan's limits in the shape the limit stage reads, computed once per compiled plan. */
export function planLimits(plan: CompiledPlan): PlanLimits {
  let limits = cache.get(plan);
  if (limits === undefined) {
    limits = compilePlanLimits(plan);
    cache.set(plan, limits);
  }
  return limits;
}

function compilePlanLimits(plan: CompiledPlan): PlanLimits {
  const rate = plan.rateLimit === null ? null : { limit: plan.rateLimit.requests, windowMs: RATE_WINDOW_MS[plan.rateLimit.per], per: plan.rateLimit.per };
  const burstLimit = plan.rateLimit?.burst ?? null;
  const burst = rate !== null && rate.per !== 'second' && burstLimit !== null && burstLimit > 0 && burstLimit < rate.limit ? { limit: burstLimit } : null;
  const quota = plan.quota === null ? null : { limit: plan.quota.requests, per: plan.quota.per };
  const policies: NamedPolicy[] = [
    rate && { name: rate.per, quota: rate.limit, windowSeconds: rate.windowMs / 1000 },
    burst && { name: 'burst', quota: burst.limit, windowSeconds: 1 },
    quota && { name: quota.per, quota: quota.limit, windowSeconds: QUOTA_WINDOW_SECONDS[quota.per] },
  ].filter((policy) => policy !== null);
  return {
    planSlug: plan.slug,
    planName: plan.name,
    rate,
    burst,
    quota,
    hardStop: plan.hardStop,
    policyNames: policies.map((policy) => policy.name),
    policy: serializePolicies(policies),
    legacyPolicy: policies.map((policy) => `${policy.quota};w=${policy.windowSeconds}`).join(', '),
  };
}
