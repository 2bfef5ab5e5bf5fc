import type { TableParamsSpec } from '@tollgate/ui';

export const WEBHOOKS_TABLE = { pageSizes: [20, 50, 100], defaultPageSize: 20 } as const satisfies TableParamsSpec;

/** A webhook's delivery log: `status=dead` shows the dead letters. */
export const DELIVERIES_TABLE = { filters: ['status'], pageSizes: [20, 50, 100], defaultPageSize: 20 } as const satisfies TableParamsSpec;
