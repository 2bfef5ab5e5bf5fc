import { ZApiPolicies, ZRoutePolicies } from '@tollgate/contracts';

export type LimitBy = 'subscription' | 'key' | 'ip';

/** Reads `limitBy` and `failClosed` from the stored policies; a bad policy warns and keeps the defaults. */
export function readLimitPolicy(apiPolicies: unknown, routePolicies: unknown, where: string, warn: (message: string) => void): { limitBy: LimitBy; failClosed: boolean } {
  const api = ZApiPolicies.safeParse(apiPolicies ?? {});
  if (!api.success) warn(`${where}: API policies ignored by the limit stage (${api.error.issues[0]?.message ?? 'invalid'})`);
  const route = ZRoutePolicies.safeParse(routePolicies ?? {});
  if (!route.success) warn(`${where}: route policies ignored by the limit stage (${route.error.issues[0]?.message ?? 'invalid'})`);
  return { limitBy: route.success ? route.data.limitBy : 'subscription', failClosed: api.success ? api.data.failClosed : false };
}
