import { ZListTeamsQuery, ZSlug } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { toTeamResource } from './to-team-resource';

/** Teams in slug order; `q` matches part of the slug or name. */
export const listTeams = defineOperation({
  name: 'teams.list',
  role: 'viewer',
  input: ZListTeamsQuery,
  async run(tx, input) {
    const after = decodeCursor(input.cursor, (value) => ZSlug.safeParse(value).success);
    const rows = await tx.team.findMany({
      where: {
        ...(after ? { slug: { gt: after } } : {}),
        ...(input.q ? { OR: [{ slug: { contains: input.q, mode: 'insensitive' } }, { name: { contains: input.q, mode: 'insensitive' } }] } : {}),
      },
      orderBy: { slug: 'asc' },
      take: input.limit + 1,
    });
    return pageOf(rows, input.limit, (row) => row.slug, toTeamResource);
  },
});
