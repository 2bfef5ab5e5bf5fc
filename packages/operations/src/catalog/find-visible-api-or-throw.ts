import { TollgateError } from '@tollgate/errors';
import type { Prisma } from '@tollgate/db';
import type { Tx } from '../core/define-operation';
import type { Principal } from '../core/principal';
import { audienceOf, visibleApisWhere } from './visible-apis';

/** The API with this slug if the caller may see it in the catalog; otherwise not_found, exactly as for a slug that does not exist. */
export async function findVisibleApiOrThrow<TSelect extends Prisma.ApiSelect>(tx: Tx, principal: Principal, slug: string, select: TSelect) {
  const api = await tx.api.findFirst({ where: { AND: [{ slug }, visibleApisWhere(await audienceOf(tx, principal))] }, select });
  if (!api) throw new TollgateError('not_found', { detail: `No API with slug "${slug}".` });
  return api;
}
