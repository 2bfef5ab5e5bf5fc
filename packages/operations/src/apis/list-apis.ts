import { ZApiStatus, ZApiVisibility, ZPageQuery, ZSlug } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { toApiResource } from './to-api-resource';

/** APIs in slug order, optionally of one status or visibility. */
export const listApis = defineOperation({
  name: 'apis.list',
  role: 'viewer',
  input: ZPageQuery.extend({ status: ZApiStatus.optional(), visibility: ZApiVisibility.optional() }),
  async run(tx, input) {
    const after = decodeCursor(input.cursor, (value) => ZSlug.safeParse(value).success);
    const rows = await tx.api.findMany({
      where: { status: input.status, visibility: input.visibility, ...(after ? { slug: { gt: after } } : {}) },
      orderBy: { slug: 'asc' },
      take: input.limit + 1,
    });
    return pageOf(rows, input.limit, (row) => row.slug, toApiResource);
  },
});
