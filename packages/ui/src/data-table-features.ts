import { rowSortingFeature, tableFeatures, type ColumnDef, type RowData } from '@tanstack/react-table';

/** The table features DataTable registers: sorting only, done by the server (paging and filters live in the URL). */
export const dataTableFeatures = tableFeatures({ rowSortingFeature });

export type DataTableFeatures = typeof dataTableFeatures;

/** A column of a DataTable: a TanStack Table v9 column definition. */
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData>;

/** The id TanStack gives a column: its `id`, or else its `accessorKey`. */
export function columnId<TData extends RowData>(column: DataTableColumn<TData>): string | undefined {
  if (column.id) return column.id;
  return 'accessorKey' in column && typeof column.accessorKey === 'string' ? column.accessorKey : undefined;
}
