import { ZApiSlugParams } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { CATALOG_API_SELECT, toCatalogApi, type CatalogApi } from './catalog-api';
import { byPrice, toCatalogPlan, type CatalogPlan } from './catalog-plan';
import { findVisibleApiOrThrow } from './find-visible-api-or-throw';

export interface CatalogApiPage {
  api: CatalogApi;
  plans: CatalogPlan[];
  /** The stored OpenAPI document, or null when the API has none. */
  openapi: unknown;
}

/** One API of the catalog with its plans and reference; not_found when the caller may not see it. */
export const getCatalogApi = defineOperation({
  name: 'catalog.get',
  role: 'developer',
  input: ZApiSlugParams,
  async run(tx, input, ctx): Promise<CatalogApiPage> {
    const row = await findVisibleApiOrThrow(tx, ctx.principal, input.slug, { ...CATALOG_API_SELECT, openapi: true, plans: { select: { plan: true } } });
    return {
      api: toCatalogApi(row),
      plans: row.plans.map((link) => toCatalogPlan(link.plan)).sort(byPrice),
      openapi: row.openapi ?? null,
    };
  },
});
