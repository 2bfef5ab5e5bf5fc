import type { Prisma } from '@tollgate/db';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { CATALOG_API_SELECT, toCatalogApi, type CatalogApi } from './catalog-api';
import { audienceOf, visibleApisWhere } from './visible-apis';

export const ZCatalogQuery = z.object({
  /** Matched against the name, slug and description. */
  q: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(64).optional(),
});
export type TCatalogQuery = z.infer<typeof ZCatalogQuery>;

export interface CatalogPage {
  items: CatalogApi[];
  /** Every tag of the APIs the caller may see, whatever the filters: the tag filter's options. */
  tags: string[];
}

/** The catalog: the APIs this developer may see, by name, searched and filtered by one tag. */
export const listCatalogApis = defineOperation({
  name: 'catalog.list',
  role: 'developer',
  input: ZCatalogQuery,
  async run(tx, input, ctx): Promise<CatalogPage> {
    const visible = visibleApisWhere(await audienceOf(tx, ctx.principal));
    const filters: Prisma.ApiWhereInput[] = [visible];
    if (input.q) {
      filters.push({ OR: ['name', 'slug', 'description'].map((field) => ({ [field]: { contains: input.q, mode: 'insensitive' } })) });
    }
    if (input.tag) filters.push({ tags: { has: input.tag } });
    const [rows, tagged] = await Promise.all([
      tx.api.findMany({ where: { AND: filters }, select: CATALOG_API_SELECT, orderBy: [{ name: 'asc' }, { slug: 'asc' }] }),
      tx.api.findMany({ where: visible, select: { tags: true } }),
    ]);
    const tags = [...new Set(tagged.flatMap((row) => row.tags))].sort((a, b) => a.localeCompare(b));
    return { items: rows.map(toCatalogApi), tags };
  },
});
