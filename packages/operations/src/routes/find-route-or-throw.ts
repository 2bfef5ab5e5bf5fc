import type { Api, Route } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';
import { findApiOrThrow } from '../apis/find-api-or-throw';

/** The route with this id in the API with this slug; a route of another API is as missing as no route. */
export async function findRouteOrThrow(tx: Tx, apiSlug: string, routeId: string, options: { forUpdate?: boolean } = {}): Promise<{ api: Api; route: Route }> {
  const api = await findApiOrThrow(tx, apiSlug);
  if (options.forUpdate) await tx.$queryRaw`SELECT 1 FROM "routes" WHERE "id" = ${routeId}::uuid FOR UPDATE`;
  const route = await tx.route.findFirst({ where: { id: routeId, apiId: api.id } });
  if (!route) throw new TollgateError('not_found', { detail: `API "${apiSlug}" has no route ${routeId}.` });
  return { api, route };
}
