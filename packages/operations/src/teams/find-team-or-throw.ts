import { TollgateError } from '@tollgate/errors';
import type { Team } from '@tollgate/db';
import type { Tx } from '../core/define-operation';

/** The team with this slug, or 404; `forUpdate` locks its row so concurrent If-Match writers queue. */
export async function findTeamOrThrow(tx: Tx, slug: string, options: { forUpdate?: boolean } = {}): Promise<Team> {
  if (options.forUpdate) await tx.$queryRaw`SELECT 1 FROM "teams" WHERE "slug" = ${slug} FOR UPDATE`;
  const team = await tx.team.findUnique({ where: { slug } });
  if (!team) throw new TollgateError('not_found', { detail: `No team with slug "${slug}".` });
  return team;
}

export async function checkTeamSlug(tx: Tx, slug: string): Promise<void> {
  if (await tx.team.findUnique({ where: { slug }, select: { id: true } })) {
    throw new TollgateError('conflict', { detail: `slug "${slug}" is already taken.`, invalidParams: [{ name: 'slug', reason: `"${slug}" is already taken` }] });
  }
}
