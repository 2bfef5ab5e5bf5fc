import { ZListAppsQuery, ZSlug } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { APP_INCLUDE, toAppResource } from './to-app-resource';

/** Apps in slug order, optionally of one team; `q` matches part of the slug or name. */
export const listApps = defineOperation({
  name: 'apps.list',
  role: 'viewer',
  input: ZListAppsQuery,
  async run(tx, input) {
    const after = decodeCursor(input.cursor, (value) => ZSlug.safeParse(value).success);
    const rows = await tx.app.findMany({
      where: {
        ...(after ? { slug: { gt: after } } : {}),
        ...(input.team ? { team: { slug: input.team } } : {}),
        ...(input.q ? { OR: [{ slug: { contains: input.q, mode: 'insensitive' } }, { name: { contains: input.q, mode: 'insensitive' } }] } : {}),
      },
      include: APP_INCLUDE,
      orderBy: { slug: 'asc' },
      take: input.limit + 1,
    });
    return pageOf(rows, input.limit, (row) => row.slug, toAppResource);
  },
});
