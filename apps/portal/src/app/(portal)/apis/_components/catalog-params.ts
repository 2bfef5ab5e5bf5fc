import type { TableParamsSpec } from '@tollgate/ui/table-params';

/** The catalog's URL state (`?q=…&tag=…`), read by the page on the server and written by the filters in the browser. */
export const CATALOG_PARAMS: TableParamsSpec = { filters: ['tag'] };
