import type { TRouteResource } from '@tollgate/contracts';
import type { Route } from '@tollgate/db';

export function toRouteResource(row: Route): TRouteResource {
  return {
    id: row.id,
    key: row.key,
    path: row.path,
    methods: row.methods,
    auth: row.auth.replaceAll('_', '-') as TRouteResource['auth'],
    weight: row.weight,
    allowQueryKey: row.allowQueryKey,
    stripBasePath: row.stripBasePath,
    rewrite: row.rewrite,
    policies: (row.policies ?? {}) as Record<string, unknown>,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
