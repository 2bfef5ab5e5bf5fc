import { windowStart } from '@tollgate/domain';
import type { LeaseLimiter } from '../../adapters/rate-limit/lease-limiter';
import { ADMITTED, UNAVAILABLE, type LimitCheck } from '../../adapters/rate-limit/limit-check';
import type { CompiledPlan, CompiledSubscription } from '../../config/compiled-snapshot.types';
import type { GatewayContext } from '../../pipeline/context';
import type { Stage } from '../../pipeline/types';
import { anonymousPlan, type AnonymousLimits } from './anonymous-plan';
import { limiterUnavailable, quotaExceeded, rateLimited } from './limit-error';
import { planLimits, type PlanLimits } from './plan-limits';
import { QuotaPeriods } from './quota-periods';
import { secondsToReset, writeRateLimitHeaders, type RateLimitHeaders } from './ratelimit-fields';
import { readLimitPolicy, type LimitBy } from './schema';

export interface LimitConfig {
  readonly limiter: LeaseLimiter;
  readonly periods: QuotaPeriods;
  readonly limitBy: LimitBy;
  readonly failClosed: boolean;
  /** Quota units one call spends (the route's weight); the rate limit counts requests. */
  readonly weight: number;
  /** Keyless route of an API with an anonymous plan: that plan, per client address. */
  readonly anonymous: AnonymousLimits | null;
  /** Which RateLimit fields answers carry (GATEWAY_RATELIMIT_HEADERS). */
  readonly headers: RateLimitHeaders;
}

const periodsByServices = new WeakMap<object, QuotaPeriods>();

/**
 * The plan's rate limit (requests per fixed window, with an optional per-second burst
 * cap) and quota (units per calendar period), shared by every gateway instance through
 * the lease limiter. Sets the IETF RateLimit fields (GATEWAY_RATELIMIT_HEADERS chooses
 * which drafts) on every answer it decides.
 */
export const limit: Stage<LimitConfig> = {
  name: 'limit',
  phase: 'limit',
  priority: 0,
  configure({ route, index, services, warn }) {
    // Limits belong to plans: a keyless route is limited only by its API's anonymous plan,
    // and an API whose subscribers' plans set no limits needs no stage at all.
    if (route === null) return undefined;
    if (route.auth !== 'none' && !hasLimitedPlan(index.subscriptions.get(route.api.id))) return undefined;
    const policy = readLimitPolicy(route.api.policies, route.policies);
    const anonymous = route.auth === 'none' ? anonymousPlan(index, route.api, policy.anonymousPlan, warn) : null;
    if (route.auth === 'none' && anonymous === null) return undefined;
    let periods = periodsByServices.get(services);
    if (periods === undefined) periodsByServices.set(services, (periods = new QuotaPeriods()));
    return {
      limiter: services.limiter,
      periods,
      limitBy: policy.limitBy,
      failClosed: policy.failClosed,
      weight: route.weight,
      anonymous,
      headers: services.env.GATEWAY_RATELIMIT_HEADERS,
    };
  },
  run(ctx, config) {
    let plan: CompiledPlan;
    let subscription: CompiledSubscription;
    let subject: string;
    const anonymous = config.anonymous;
    if (anonymous !== null) {
      plan = anonymous.plan;
      subscription = anonymous.subscription;
      subject = `${subscription.id}:ip:${ctx.clientIp || ctx.req.socket.remoteAddress || ''}`;
    } else {
      const principal = ctx.principal;
      if (ctx.plan === null || principal === null) return;
      plan = ctx.plan;
      subscription = principal.subscription;
      subject =
        config.limitBy === 'subscription'
          ? subscription.id
          : config.limitBy === 'key'
            ? `${subscription.id}:k:${principal.key?.id ?? principal.app.id}`
            : `${subscription.id}:ip:${ctx.clientIp || ctx.req.socket.remoteAddress || ''}`;
    }
    const limits = planLimits(plan);
    if (limits.policyNames.length === 0) return;
    // The limiter's time: Redis's clock where counters are shared, so skewed gateways agree on windows.
    const now = config.limiter.now();
    const checks: LimitCheck[] = [];
    if (limits.rate !== null) {
      const start = windowStart(now, limits.rate.windowMs);
      checks.push({ scope: `r:${subject}`, limit: limits.rate.limit, cost: 1, windowStart: start, windowEnd: start + limits.rate.windowMs, remaining: 0 });
    }
    if (limits.burst !== null) {
      const start = windowStart(now, 1_000);
      checks.push({ scope: `b:${subject}`, limit: limits.burst.limit, cost: 1, windowStart: start, windowEnd: start + 1_000, remaining: 0 });
    }
    if (limits.quota !== null) {
      const period = config.periods.get(subscription, limits.quota.per, now);
      const resetAt = subscription.quotaResetAtMs;
      checks.push({
        scope: `q:${subject}:${resetAt !== null && resetAt > period.startMs ? resetAt : 0}`,
        limit: subscription.quotaOverride ?? limits.quota.limit,
        cost: config.weight,
        windowStart: period.startMs,
        windowEnd: period.endMs,
        remaining: 0,
      });
    }
    const decision = config.limiter.take(checks, config.failClosed);
    if (typeof decision === 'number') return conclude(ctx, config, limits, checks, decision, now);
    return decision.then((settled) => conclude(ctx, config, limits, checks, settled, config.limiter.now()));
  },
};

function conclude(ctx: GatewayContext, config: LimitConfig, limits: PlanLimits, checks: LimitCheck[], decision: number, now: number): void | Promise<void> {
  const quotaIndex = limits.quota === null ? -1 : checks.length - 1;
  if (decision !== quotaIndex || limits.hardStop) return answer(ctx, config, limits, checks, decision, quotaIndex, now);
  // Overage is billed, not blocked: admit on the rate limits alone and report the quota as spent.
  const quota = checks.pop()!;
  quota.remaining = 0;
  const finish = (settled: number) => {
    checks.push(quota);
    answer(ctx, config, limits, checks, settled, -1, now);
  };
  const rest = checks.length === 0 ? ADMITTED : config.limiter.take(checks, config.failClosed);
  return typeof rest === 'number' ? finish(rest) : rest.then(finish);
}

function answer(ctx: GatewayContext, config: LimitConfig, limits: PlanLimits, checks: LimitCheck[], decision: number, quotaIndex: number, now: number): void {
  if (decision === UNAVAILABLE) throw limiterUnavailable();
  const shown = decision >= 0 ? checks[decision]! : tightest(checks);
  const reset = secondsToReset(shown, now);
  writeRateLimitHeaders(ctx.res, config.headers, { names: limits.policyNames, policy: limits.policy, legacyPolicy: limits.legacyPolicy, checks, refused: decision, shown, now });
  if (decision === ADMITTED) return;
  if (decision === quotaIndex) throw quotaExceeded(limits, shown, reset);
  throw rateLimited(limits, shown, (shown.windowEnd - shown.windowStart) / 1000, reset);
}

function hasLimitedPlan(subscriptions: ReadonlyMap<string, CompiledSubscription> | undefined): boolean {
  if (subscriptions === undefined) return false;
  for (const subscription of subscriptions.values()) if (subscription.plan.rateLimit !== null || subscription.plan.quota !== null) return true;
  return false;
}

/** The check closest to refusing: the one the headers describe. */
function tightest(checks: LimitCheck[]): LimitCheck {
  let shown = checks[0]!;
  for (let i = 1; i < checks.length; i++) if (checks[i]!.remaining < shown.remaining) shown = checks[i]!;
  return shown;
}
