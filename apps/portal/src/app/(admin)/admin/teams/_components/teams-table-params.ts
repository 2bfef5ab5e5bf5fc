import type { TableParamsSpec } from '@tollgate/ui/table-params';

/** The teams table's URL state, read by the server page and written by the table. */
export const TEAMS_TABLE: TableParamsSpec = { pageSizes: [10, 20, 50, 100] };
