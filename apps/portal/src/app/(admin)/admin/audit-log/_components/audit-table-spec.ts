import type { TableParamsSpec } from '@tollgate/ui';

/** The audit log's URL state: cursor paging and the filters the operation takes. Shared by the page and the table. */
export const AUDIT_TABLE = {
  filters: ['actor', 'resourceType', 'resourceId', 'from', 'to'],
  pageSizes: [20, 50, 100],
  defaultPageSize: 20,
} as const satisfies TableParamsSpec;
