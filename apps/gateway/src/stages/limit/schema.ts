import { ZApiPolicies, ZRoutePolicies } from '@tollgate/contracts';

export type LimitBy = 'subscription' | 'key' | 'ip';

export interface LimitPolicy {
  limitBy: LimitBy;
  failClosed: boolean;
  /** Plan slug for keyless routes, counted per client address; null when they are not limited. */
  anonymousPlan: string | null;
}

/** Reads `limitBy`, `failClosed` and `anonymousPlan` from the stored policies; a bad policy warns and keeps the defaults. */
export function readLimitPolicy(apiPolicies: unknown, routePolicies: unknown, where: string, warn: (message: string) => void): LimitPolicy {
  const api = ZApiPolicies.safeParse(apiPolicies ?? {});
  if (!api.success) warn(`${where}: API policies ignored by the limit stage (${api.error.issues[0]?.message ?? 'invalid'})`);
  const route = ZRoutePolicies.safeParse(routePolicies ?? {});
  if (!route.success) warn(`${where}: route policies ignored by the limit stage (${route.error.issues[0]?.message ?? 'invalid'})`);
  return {
    limitBy: route.success ? route.data.limitBy : 'subscription',
    failClosed: api.success ? api.data.failClosed : false,
    anonymousPlan: api.success ? (api.data.anonymousPlan ?? null) : null,
  };
}
