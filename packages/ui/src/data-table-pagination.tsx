'use client';

import { ChevronLeft, ChevronRight, ChevronsLeft } from 'lucide-react';
import { Button } from './button';
import { Select } from './select';
import { DEFAULT_PAGE_SIZES } from './table-params';
import type { TableStateControls } from './use-table-state';

export type DataTablePaginationProps = {
  controls: TableStateControls;
  rowCount: number;
  /** Page-number paging when the total is known. */
  total?: number;
  /** Cursor paging: the cursor of the next page, null on the last one. */
  nextCursor?: string | null;
  pageSizes?: readonly number[];
};

export function DataTablePagination({ controls, rowCount, total, nextCursor, pageSizes = DEFAULT_PAGE_SIZES }: DataTablePaginationProps) {
  const { page, pageSize, cursor } = controls.state;
  const cursorMode = nextCursor !== undefined;
  const pageCount = total === undefined ? undefined : Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + (rowCount > 0 ? 1 : 0);
  const summary = cursorMode
    ? `${rowCount} ${rowCount === 1 ? 'row' : 'rows'}${cursor ? '' : ' from the start'}`
    : `${first}–${(page - 1) * pageSize + rowCount} of ${total ?? rowCount}`;
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground">
      <p aria-live="polite">{summary}</p>
      <div className="flex flex-wrap items-center gap-2">
        <Select
          aria-label="Rows per page"
          className="h-8 w-auto min-w-28 whitespace-nowrap"
          value={String(pageSize)}
          onValueChange={(value) => controls.setPageSize(Number(value))}
          options={pageSizes.map((size) => ({ value: String(size), label: `${size} / page` }))}
        />
        {cursorMode ? (
          <>
            <Button variant="secondary" size="sm" disabled={!cursor} onClick={() => controls.setCursor(null)}>
              <ChevronsLeft aria-hidden="true" /> First page
            </Button>
            <Button variant="secondary" size="sm" disabled={!nextCursor} onClick={() => controls.setCursor(nextCursor ?? null)}>
              Next page <ChevronRight aria-hidden="true" />
            </Button>
          </>
        ) : (
          <>
            <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => controls.setPage(page - 1)}>
              <ChevronLeft aria-hidden="true" /> Previous page
            </Button>
            <span>
              Page {page} of {pageCount ?? page}
            </span>
            <Button variant="secondary" size="sm" disabled={pageCount === undefined || page >= pageCount} onClick={() => controls.setPage(page + 1)}>
              Next page <ChevronRight aria-hidden="true" />
            </Button>
          </>
        )}
      </div>
    </nav>
  );
}
