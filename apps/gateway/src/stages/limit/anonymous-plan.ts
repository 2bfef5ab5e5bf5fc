import type { CompiledApi, CompiledPlan, CompiledSubscription, SnapshotIndex } from '../../config/compiled-snapshot.types';

/** What a keyless route is limited by: the API's anonymous plan, counted per client address. */
export interface AnonymousLimits {
  readonly plan: CompiledPlan;
  /** Stands in for a subscription: quota periods are calendar days/months in UTC, never reset. */
  readonly subscription: CompiledSubscription;
}

const bySlug = new WeakMap<SnapshotIndex, Map<string, CompiledPlan>>();

/**
 * The API's `anonymousPlan` as compiled in this snapshot, or null when it names none, names
 * a plan the snapshot lacks (warned), or the plan sets no limit.
 */
export function anonymousPlan(index: SnapshotIndex, api: CompiledApi, slug: string | null, warn: (message: string) => void): AnonymousLimits | null {
  if (slug === null) return null;
  let plans = bySlug.get(index);
  if (plans === undefined) {
    plans = new Map([...index.plans.values()].map((plan) => [plan.slug, plan]));
    bySlug.set(index, plans);
  }
  const plan = plans.get(slug);
  if (plan === undefined) {
    warn(`api ${api.slug}: anonymousPlan "${slug}" is not a known plan; keyless routes are not limited`);
    return null;
  }
  if (plan.rateLimit === null && plan.quota === null) return null;
  const subscription: CompiledSubscription = {
    id: `anon:${api.id}`,
    app: { id: '', slug: '', teamId: '' },
    apiId: api.id,
    plan,
    quotaOverride: null,
    billingAnchorMs: 0,
    timeZone: 'UTC',
    quotaResetAtMs: null,
  };
  return { plan, subscription };
}
