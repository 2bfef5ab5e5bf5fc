'use client';

import { Search } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { Input } from './input';
import { Select, type SelectOption } from './select';
import type { TableStateControls } from './use-table-state';

/** A filter the toolbar offers: a select over the values of one URL key. */
export type DataTableFilter = { id: string; label: string; options: SelectOption[] };

const ALL = '__all__';

export type DataTableToolbarProps = { controls: TableStateControls; searchLabel?: string; filters?: DataTableFilter[] };

/** Search box (debounced into `q`) and one select per filter; every value lands in the URL. */
export function DataTableToolbar({ controls, searchLabel, filters = [] }: DataTableToolbarProps) {
  const searchId = useId();
  const urlQuery = controls.state.q;
  const [query, setQuery] = useState(urlQuery);
  const { setQuery: commitQuery } = controls;

  useEffect(() => setQuery(urlQuery), [urlQuery]);
  useEffect(() => {
    if (query === urlQuery) return;
    const timer = setTimeout(() => commitQuery(query), 300);
    return () => clearTimeout(timer);
  }, [query, urlQuery, commitQuery]);

  if (!searchLabel && filters.length === 0) return null;
  return (
    <div className="flex flex-wrap items-end gap-3">
      {searchLabel ? (
        <div className="relative w-full sm:w-72">
          <label htmlFor={searchId} className="sr-only">
            {searchLabel}
          </label>
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
          <Input id={searchId} type="search" placeholder={searchLabel} value={query} className="pl-8" onChange={(event) => setQuery(event.target.value)} />
        </div>
      ) : null}
      {filters.map((filter) => (
        <Select
          key={filter.id}
          aria-label={filter.label}
          className="w-44"
          value={controls.state.filters[filter.id] ?? ALL}
          onValueChange={(value) => controls.setFilter(filter.id, value === ALL ? null : value)}
          options={[{ value: ALL, label: `${filter.label}: all` }, ...filter.options]}
        />
      ))}
    </div>
  );
}
