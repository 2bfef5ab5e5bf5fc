import type { TableParamsSpec } from '@tollgate/ui/table-params';

/** The keys table's URL state, read by the server page and written by the table. */
export const KEYS_TABLE: TableParamsSpec = { filters: ['state', 'team'], pageSizes: [10, 20, 50, 100] };

export const KEY_STATE_OPTIONS = ['active', 'expired', 'revoked'].map((value) => ({ value, label: value }));
