import { joinPaths, openApiOperations, type CatalogApi, type CatalogOperation } from '@tollgate/domain';
import type { Tx } from '../core/define-operation';

/**
 * Every API with what it documents now (its routes and its OpenAPI operations, under its
 * base path), the routes it had once (route keys its usage rollups hold that no route
 * has any more) and the operations its document described once.
 */
export async function loadCatalog(tx: Tx): Promise<CatalogApi[]> {
  const apis = await tx.api.findMany({
    select: { id: true, basePath: true, hosts: true, status: true, openapi: true, routes: { select: { key: true, path: true, methods: true } }, removedOperations: { select: { method: true, path: true } } },
  });
  const used = await tx.$queryRaw<{ apiId: string; routeKey: string }[]>`SELECT DISTINCT "apiId"::text AS "apiId", "routeKey" FROM usage_rollups WHERE "routeKey" <> ''`;
  const usedByApi = new Map<string, string[]>();
  for (const row of used) usedByApi.set(row.apiId, [...(usedByApi.get(row.apiId) ?? []), row.routeKey]);
  return apis.map((api) => {
    const keys = new Set(api.routes.map((route) => route.key));
    const routes = api.routes.map((route) => ({ template: joinPaths(api.basePath, route.path), methods: route.methods, route: true }));
    const removedFromSpec = api.removedOperations.map((operation) => ({ template: joinPaths(api.basePath, operation.path), methods: [operation.method] }));
    const former = (usedByApi.get(api.id) ?? []).filter((key) => !keys.has(key)).flatMap((key) => parseRouteKey(api.basePath, key));
    return { id: api.id, basePath: api.basePath, hosts: api.hosts, status: api.status, documented: [...routes, ...openApiOperations(api.basePath, api.openapi)], former, removedFromSpec };
  });
}

/** "GET,POST /forecast/{city}" (optionally after a version name) -> the operation under the base path. */
function parseRouteKey(basePath: string, key: string): CatalogOperation[] {
  const parts = key.split(' ');
  if (parts.length < 2) return [];
  const path = parts.at(-1)!;
  const methods = parts.at(-2)!.split(',');
  return [{ template: joinPaths(basePath, path), methods }];
}
