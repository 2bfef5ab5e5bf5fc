import type { TableParamsSpec } from '@tollgate/ui/table-params';

/** The APIs table's URL state, read by the server page and written by the table. */
export const APIS_TABLE: TableParamsSpec = { sortable: ['slug', 'name', 'updatedAt'], filters: ['status', 'visibility'], defaultSort: 'slug', pageSizes: [10, 20, 50, 100] };

export const STATUS_OPTIONS = ['draft', 'published', 'deprecated', 'retired'].map((value) => ({ value, label: value }));
export const VISIBILITY_OPTIONS = [
  { value: 'public', label: 'public' },
  { value: 'private', label: 'private' },
  { value: 'partner', label: 'partner' },
];
