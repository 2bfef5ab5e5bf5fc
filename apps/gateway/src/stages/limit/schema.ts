import type { TApiPolicies, TRoutePolicies } from '@tollgate/contracts';

export type LimitBy = 'subscription' | 'key' | 'ip';

export interface LimitPolicy {
  limitBy: LimitBy;
  failClosed: boolean;
  /** Plan slug for keyless routes, counted per client address; null when they are not limited. */
  anonymousPlan: string | null;
}

/** What the limit stage reads of the API's and the route's policies (parsed when the snapshot compiled). */
export function readLimitPolicy(api: TApiPolicies, route: TRoutePolicies): LimitPolicy {
  return { limitBy: route.limitBy, failClosed: api.failClosed, anonymousPlan: api.anonymousPlan ?? null };
}
