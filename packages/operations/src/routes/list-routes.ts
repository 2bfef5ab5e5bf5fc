import { ZPageQuery, ZSlug } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { findApiOrThrow } from '../apis/find-api-or-throw';
import { toRouteResource } from './to-route-resource';

/** The API's routes ordered by their key ("GET /forecast/{city}"). */
export const listRoutes = defineOperation({
  name: 'routes.list',
  role: 'viewer',
  input: ZPageQuery.extend({ apiSlug: ZSlug }),
  async run(tx, input) {
    const api = await findApiOrThrow(tx, input.apiSlug);
    const after = decodeCursor(input.cursor);
    const rows = await tx.route.findMany({
      where: { apiId: api.id, ...(after ? { key: { gt: after } } : {}) },
      orderBy: { key: 'asc' },
      take: input.limit + 1,
    });
    return pageOf(rows, input.limit, (row) => row.key, toRouteResource);
  },
});
