import { TollgateError } from '@tollgate/errors';
import type { Api } from '@tollgate/db';
import type { Tx } from '../core/define-operation';

/**
 * The API with this slug, or 404. `forUpdate` locks its row until the transaction ends, so
 * two writers holding the same If-Match cannot both pass the check.
 */
export async function findApiOrThrow(tx: Tx, slug: string, options: { forUpdate?: boolean } = {}): Promise<Api> {
  if (options.forUpdate) await tx.$queryRaw`SELECT 1 FROM "apis" WHERE "slug" = ${slug} FOR UPDATE`;
  const api = await tx.api.findUnique({ where: { slug } });
  if (!api) throw new TollgateError('not_found', { detail: `No API with slug "${slug}".` });
  return api;
}
