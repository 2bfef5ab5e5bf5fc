import { DISCOVERY_KINDS, DISCOVERY_STATES } from '@tollgate/contracts';
import type { TableParamsSpec } from '@tollgate/ui/table-params';

/** The discovery table's URL state: the operation's filters (`q` is its `search`) and cursor paging. */
export const DISCOVERY_TABLE: TableParamsSpec = { filters: ['kind', 'method', 'status'], pageSizes: [20, 50, 100], defaultPageSize: 50 };

export const KIND_LABELS = { shadow: 'Shadow', zombie: 'Zombie', 'undocumented-method': 'Undocumented method', orphan: 'Orphan' } as const;

export const KIND_OPTIONS = DISCOVERY_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));
export const METHOD_OPTIONS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].map((value) => ({ value, label: value }));
export const STATE_OPTIONS = DISCOVERY_STATES.map((value) => ({ value, label: value }));
