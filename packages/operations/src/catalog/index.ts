export { listCatalogApis, ZCatalogQuery, type TCatalogQuery, type CatalogPage } from './list-catalog-apis';
export { getCatalogApi, type CatalogApiPage } from './get-catalog-api';
export { listTryItKeys, type TryItKey } from './list-try-it-keys';
export type { CatalogApi } from './catalog-api';
export type { CatalogPlan } from './catalog-plan';
