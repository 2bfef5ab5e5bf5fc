'use client';

import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from './cn';
import { focusRing } from './focus-ring';

export type SortDirection = false | 'asc' | 'desc';

export function ariaSort(sortable: boolean, direction: SortDirection): 'ascending' | 'descending' | 'none' | undefined {
  if (!sortable) return undefined;
  return direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
}

/** The header's content as a button that cycles the sort; the <th> carries aria-sort. */
export function DataTableSortHeader({ children, direction, onToggle }: { children: ReactNode; direction: SortDirection; onToggle: () => void }) {
  const Icon = direction === 'asc' ? ArrowUp : direction === 'desc' ? ArrowDown : ArrowUpDown;
  return (
    <button type="button" onClick={onToggle} className={cn('-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 uppercase tracking-wide hover:text-foreground', focusRing)}>
      {children}
      <Icon className={cn('size-3.5', direction ? 'opacity-100' : 'opacity-50')} aria-hidden="true" />
    </button>
  );
}
