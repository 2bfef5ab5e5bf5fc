import type { TableParamsSpec } from '@tollgate/ui/table-params';

/** The apps table's URL state, read by the server page and written by the table. */
export const APPS_TABLE: TableParamsSpec = { filters: ['team'], pageSizes: [10, 20, 50, 100] };

/** One team's apps on its page: paged, no filters. */
export const TEAM_APPS_TABLE: TableParamsSpec = { pageSizes: [20, 50, 100] };
