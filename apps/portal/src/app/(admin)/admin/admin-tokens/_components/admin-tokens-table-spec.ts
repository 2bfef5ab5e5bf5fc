import type { TableParamsSpec } from '@tollgate/ui';

/** The admin tokens table's URL state (cursor paging), shared by the page and the table. */
export const ADMIN_TOKENS_TABLE = { pageSizes: [20, 50, 100], defaultPageSize: 20 } as const satisfies TableParamsSpec;
