'use client';

import { useQueryStates } from 'nuqs';
import { useMemo, useTransition } from 'react';
import { tableParsers, type SortState, type TableParamsSpec, type TableState } from './table-params';

export type TableStateControls = {
  state: TableState;
  /** True while the server renders the page for the new URL. */
  pending: boolean;
  setPage: (page: number) => void;
  setCursor: (cursor: string | null) => void;
  setPageSize: (pageSize: number) => void;
  setSort: (sort: SortState | null) => void;
  setQuery: (q: string) => void;
  setFilter: (id: string, value: string | null) => void;
  reset: () => void;
};

/**
 * The table's state in the URL (so a view can be shared, bookmarked and survives reload). Every change
 * re-renders the server page (shallow: false) inside a transition; changing what is shown resets paging.
 */
export function useTableState(spec: TableParamsSpec): TableStateControls {
  const parsers = useMemo(() => tableParsers(spec), [spec]);
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useQueryStates(parsers, { shallow: false, clearOnDefault: true, startTransition, scroll: false });
  const raw = values as Record<string, unknown>;
  const filters: Record<string, string> = {};
  for (const id of spec.filters ?? []) {
    const value = raw[id];
    if (typeof value === 'string' && value !== '') filters[id] = value;
  }
  const state: TableState = {
    page: raw.page as number,
    cursor: (raw.cursor as string | null) || null,
    pageSize: raw.pageSize as number,
    sort: (raw.sort as SortState | null) ?? null,
    q: (raw.q as string) ?? '',
    filters,
  };
  const set = (patch: Record<string, unknown>, resetPaging = true) =>
    void setValues((resetPaging ? { page: null, cursor: null, ...patch } : patch) as Parameters<typeof setValues>[0]);
  return {
    state,
    pending,
    setPage: (page) => set({ page }, false),
    setCursor: (cursor) => set({ cursor }, false),
    setPageSize: (pageSize) => set({ pageSize }),
    setSort: (sort) => set({ sort }),
    setQuery: (q) => set({ q: q.trim() === '' ? null : q }),
    setFilter: (id, value) => set({ [id]: value === '' ? null : value }),
    reset: () => set(Object.fromEntries(Object.keys(parsers).map((key) => [key, null]))),
  };
}
