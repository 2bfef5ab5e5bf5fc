/**
 * The RateLimit header fields: the current IETF draft (draft-ietf-httpapi-ratelimit-headers-11,
 * `RateLimit-Policy` and `RateLimit` as Structured Field Lists of named policies, RFC 9651)
 * and draft 6's `RateLimit-Limit` / `-Remaining` / `-Reset` / `-Policy` for older clients.
 *
 * The values have fixed shapes (a policy name from a closed set, non-negative integers), so
 * they are serialized here by hand: the policy list once per plan, the RateLimit list with one
 * template string per policy per request, with no library objects on the request path.
 */
import type { ServerResponse } from 'node:http';
import type { LimitCheck } from '../../adapters/rate-limit/limit-check';

export type RateLimitHeaders = 'draft' | 'legacy' | 'both';

export interface NamedPolicy {
  /** An sf-string of lowercase letters (`minute`, `burst`, `month`): nothing to escape. */
  readonly name: string;
  readonly quota: number;
  readonly windowSeconds: number;
}

/** RateLimit-Policy: `"minute";q=100;w=60, "month";q=10000;w=2592000`. */
export function serializePolicies(policies: readonly NamedPolicy[]): string {
  return policies.map((policy) => `"${policy.name}";q=${policy.quota};w=${policy.windowSeconds}`).join(', ');
}

/** Whole seconds until the check's window ends, at least 1 (the value Retry-After carries). */
export function secondsToReset(check: LimitCheck, now: number): number {
  return Math.max(1, Math.ceil((check.windowEnd - now) / 1000));
}

/**
 * RateLimit: every policy on an admitted call (`"minute";r=42;t=18, "month";r=9000;t=86400`);
 * on a refused one only the policy that refused, the only counter the limiter has read.
 */
export function serializeRateLimit(names: readonly string[], checks: readonly LimitCheck[], refused: number, now: number): string {
  if (refused >= 0) return `"${names[refused]}";r=${checks[refused]!.remaining};t=${secondsToReset(checks[refused]!, now)}`;
  let value = '';
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i]!;
    value += `${i === 0 ? '' : ', '}"${names[i]}";r=${check.remaining};t=${secondsToReset(check, now)}`;
  }
  return value;
}

export interface RateLimitAnswer {
  readonly names: readonly string[];
  readonly policy: string;
  readonly legacyPolicy: string;
  readonly checks: readonly LimitCheck[];
  /** Index of the check that refused, or a negative number when the call was admitted. */
  readonly refused: number;
  /** The check closest to refusing: the one the draft-6 triple describes. */
  readonly shown: LimitCheck;
  readonly now: number;
}

/** Sets the fields `mode` asks for; both families share `RateLimit-Policy`, which then takes the current draft's form. */
export function writeRateLimitHeaders(res: ServerResponse, mode: RateLimitHeaders, answer: RateLimitAnswer): void {
  if (mode !== 'draft') {
    res.setHeader('ratelimit-limit', answer.shown.limit);
    res.setHeader('ratelimit-remaining', answer.shown.remaining);
    res.setHeader('ratelimit-reset', secondsToReset(answer.shown, answer.now));
  }
  if (mode === 'legacy') {
    res.setHeader('ratelimit-policy', answer.legacyPolicy);
    return;
  }
  res.setHeader('ratelimit-policy', answer.policy);
  res.setHeader('ratelimit', serializeRateLimit(answer.names, answer.checks, answer.refused, answer.now));
}
