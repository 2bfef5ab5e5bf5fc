'use client';

import { useTable, type RowData, type SortingState, type Updater } from '@tanstack/react-table';
import { MoreHorizontal } from 'lucide-react';
import { Suspense, useId, useMemo, type ReactNode } from 'react';
import { Button } from './button';
import { cn } from './cn';
import { columnId, dataTableFeatures, type DataTableColumn } from './data-table-features';
import { DataTablePagination } from './data-table-pagination';
import { ariaSort, DataTableSortHeader } from './data-table-sort-header';
import { DataTableToolbar, type DataTableFilter } from './data-table-toolbar';
import { DropdownMenu, type DropdownMenuItem } from './dropdown-menu';
import { Skeleton } from './skeleton';
import type { TableParamsSpec } from './table-params';
import { useTableState } from './use-table-state';

const ACTIONS_COLUMN = '__actions';
/** Stays at the right edge on a narrow screen, over the cells that scroll beneath it. */
const STICKY_END_CLASS = 'sticky right-0 bg-muted';

export type DataTableProps<TData extends RowData> = {
  /** Names the table for assistive technology (rendered as its <caption>). */
  caption: string;
  columns: DataTableColumn<TData>[];
  rows: TData[];
  /** The same spec the server page passed to parseTableSearchParams (define it once, at module scope). */
  params: TableParamsSpec;
  total?: number;
  nextCursor?: string | null;
  loading?: boolean;
  empty?: ReactNode;
  searchLabel?: string;
  filters?: DataTableFilter[];
  rowActions?: (row: TData) => DropdownMenuItem[];
  /** How a row is named in its actions button ("Actions for weather"). */
  rowLabel?: (row: TData) => string;
  getRowId?: (row: TData, index: number) => string;
  captionVisible?: boolean;
  /** A column kept in view at the right edge while the table scrolls sideways (the row actions column always is). */
  stickyEndColumn?: string;
};

/**
 * The one data table: server-side paging, sorting and filtering, its state in the URL. Reading the URL
 * needs a Suspense boundary in Next.js (useSearchParams), so the table brings its own.
 */
export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  return (
    <Suspense fallback={<Skeleton className="h-40 w-full rounded-xl" />}>
      <DataTableContent {...props} />
    </Suspense>
  );
}

function DataTableContent<TData extends RowData>(props: DataTableProps<TData>) {
  const { caption, rows, params, empty = 'Nothing here yet.', rowActions, rowLabel, captionVisible = false, stickyEndColumn } = props;
  const stickyEnd = (columnId: string) => columnId === ACTIONS_COLUMN || columnId === stickyEndColumn;
  const controls = useTableState(params);
  const captionId = useId();
  const sorting: SortingState = controls.state.sort ? [controls.state.sort] : [];
  const columns = useMemo(() => {
    const sortable = params.sortable ?? [];
    const base = props.columns.map((column) => ({ ...column, enableSorting: column.enableSorting ?? sortable.includes(columnId(column) ?? '') }));
    if (!rowActions) return base;
    const actions: DataTableColumn<TData> = {
      id: ACTIONS_COLUMN,
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      cell: ({ row }) => (
        <div className="flex justify-end">
          <DropdownMenu
            items={rowActions(row.original)}
            trigger={
              <Button variant="ghost" size="icon" className="size-8" aria-label={`Actions for ${rowLabel?.(row.original) ?? `row ${row.index + 1}`}`}>
                <MoreHorizontal aria-hidden="true" />
              </Button>
            }
          />
        </div>
      ),
    };
    return [...base, actions];
  }, [props.columns, rowActions, rowLabel, params]);

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId: props.getRowId,
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      controls.setSort(next[0] ? { id: next[0].id, desc: next[0].desc } : null);
    },
  });

  const busy = props.loading || controls.pending;
  const columnCount = columns.length;
  return (
    <div className="grid gap-3">
      <DataTableToolbar controls={controls} searchLabel={props.searchLabel} filters={props.filters} />
      <div role="region" aria-labelledby={captionId} tabIndex={0} className="relative overflow-x-auto rounded-xl border border-border bg-card shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-ring">
        <table aria-busy={busy || undefined} className={cn('min-w-full divide-y divide-border text-sm transition-opacity', busy && rows.length > 0 && 'opacity-60')}>
          <caption id={captionId} className={captionVisible ? 'px-4 py-3 text-left text-sm font-medium text-card-foreground' : 'sr-only'}>
            {caption}
          </caption>
          <thead className="bg-muted/60">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const canSort = header.column.getCanSort();
                  const direction = header.column.getIsSorted();
                  const toggle = header.column.getToggleSortingHandler();
                  const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                  return (
                    <th key={header.id} scope="col" aria-sort={ariaSort(canSort, direction)} className={cn('whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-muted-foreground', stickyEnd(header.column.id) && STICKY_END_CLASS)}>
                      {canSort ? (
                        <DataTableSortHeader direction={direction} onToggle={() => toggle?.(undefined)}>
                          {content}
                        </DataTableSortHeader>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-border">
            {rows.length === 0 && busy
              ? Array.from({ length: 3 }, (_, index) => (
                  <tr key={index}>
                    <td colSpan={columnCount} className="px-4 py-3">
                      <Skeleton className="h-5 w-full" />
                    </td>
                  </tr>
                ))
              : null}
            {rows.length === 0 && !busy ? (
              <tr>
                <td colSpan={columnCount} className="px-4 py-10 text-center text-sm text-muted-foreground">
                  {empty}
                </td>
              </tr>
            ) : null}
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-muted/40">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cn('whitespace-nowrap px-4 py-3 text-card-foreground', stickyEnd(cell.column.id) && cn(STICKY_END_CLASS, 'bg-card'))}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DataTablePagination controls={controls} rowCount={rows.length} total={props.total} nextCursor={props.nextCursor} pageSizes={params.pageSizes} />
    </div>
  );
}
