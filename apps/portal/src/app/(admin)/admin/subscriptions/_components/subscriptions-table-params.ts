import type { TableParamsSpec } from '@tollgate/ui/table-params';

/** The subscriptions table's URL state, read by the server page and written by the table. */
export const SUBSCRIPTIONS_TABLE: TableParamsSpec = { filters: ['status', 'api'], pageSizes: [10, 20, 50, 100] };

export const SUBSCRIPTION_STATUS_OPTIONS = ['pending', 'active', 'suspended', 'cancelled'].map((value) => ({ value, label: value }));
