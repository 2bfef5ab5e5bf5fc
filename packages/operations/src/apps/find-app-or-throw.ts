import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';
import { APP_INCLUDE, type AppWithTeam } from './to-app-resource';

/** The app with this slug and its team's slug, or 404; `forUpdate` locks its row. */
export async function findAppOrThrow(tx: Tx, slug: string, options: { forUpdate?: boolean } = {}): Promise<AppWithTeam> {
  if (options.forUpdate) await tx.$queryRaw`SELECT 1 FROM "apps" WHERE "slug" = ${slug} FOR UPDATE`;
  const app = await tx.app.findUnique({ where: { slug }, include: APP_INCLUDE });
  if (!app) throw new TollgateError('not_found', { detail: `No app with slug "${slug}".` });
  return app;
}

export async function checkAppSlug(tx: Tx, slug: string): Promise<void> {
  if (await tx.app.findUnique({ where: { slug }, select: { id: true } })) {
    throw new TollgateError('conflict', { detail: `slug "${slug}" is already taken.`, invalidParams: [{ name: 'slug', reason: `"${slug}" is already taken` }] });
  }
}
