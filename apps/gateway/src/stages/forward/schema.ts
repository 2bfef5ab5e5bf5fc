import { ZRoutePolicies, type TRoutePolicies } from '@tollgate/contracts';

const DEFAULT_ROUTE_POLICIES = ZRoutePolicies.parse({});

/** A route's policies parsed with the shared schema, or the defaults with a warning when they do not fit. */
export function readRoutePolicies(value: unknown, where: string, warn: (message: string) => void): TRoutePolicies {
  if (value === null || value === undefined) return DEFAULT_ROUTE_POLICIES;
  const result = ZRoutePolicies.safeParse(value);
  if (result.success) return result.data;
  warn(`${where}: ignoring route policies (${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`);
  return DEFAULT_ROUTE_POLICIES;
}
