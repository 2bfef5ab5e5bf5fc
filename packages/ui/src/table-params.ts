import { createLoader, createParser, parseAsNumberLiteral, parseAsString } from 'nuqs/server';

export type SortState = { id: string; desc: boolean };

/** What a table lets the URL hold: the sortable columns, the filterable ones, and the page sizes. */
export type TableParamsSpec = {
  sortable?: readonly string[];
  filters?: readonly string[];
  pageSizes?: readonly number[];
  defaultPageSize?: number;
  /** `name` or `-createdAt` (descending). */
  defaultSort?: string;
};

/** The table's state as the server reads it and the browser writes it. */
export type TableState = {
  page: number;
  cursor: string | null;
  pageSize: number;
  sort: SortState | null;
  q: string;
  filters: Record<string, string>;
};

export const DEFAULT_PAGE_SIZES = [10, 20, 50, 100] as const;

/** `-name` sorts by name descending, `name` ascending; columns the spec does not allow are ignored. */
export function parseSort(value: string, sortable: readonly string[]): SortState | null {
  const desc = value.startsWith('-');
  const id = desc ? value.slice(1) : value;
  return sortable.includes(id) ? { id, desc } : null;
}

export function serializeSort(sort: SortState): string {
  return `${sort.desc ? '-' : ''}${sort.id}`;
}

const pageParser = createParser({
  parse: (value) => (/^\d{1,9}$/.test(value) && Number(value) >= 1 ? Number(value) : null),
  serialize: (value: number) => String(value),
});

/** The nuqs parsers for one table: the same map drives useQueryStates in the browser and the loader on the server. */
export function tableParsers(spec: TableParamsSpec) {
  const pageSizes = spec.pageSizes ?? DEFAULT_PAGE_SIZES;
  const defaultPageSize = spec.defaultPageSize ?? pageSizes[1] ?? pageSizes[0] ?? 20;
  const sortable = spec.sortable ?? [];
  const sortParser = createParser({ parse: (value) => parseSort(value, sortable), serialize: serializeSort, eq: (a, b) => a.id === b.id && a.desc === b.desc });
  const defaultSort = spec.defaultSort ? parseSort(spec.defaultSort, sortable) : null;
  const filters = Object.fromEntries((spec.filters ?? []).map((id) => [id, parseAsString]));
  return {
    page: pageParser.withDefault(1),
    cursor: parseAsString,
    pageSize: parseAsNumberLiteral(pageSizes).withDefault(defaultPageSize),
    sort: defaultSort ? sortParser.withDefault(defaultSort) : sortParser,
    q: parseAsString.withDefault(''),
    ...filters,
  } as const;
}

type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Reads a table's state from a page's (awaited) searchParams, falling back to defaults for anything malformed. */
export function parseTableSearchParams(searchParams: RawSearchParams, spec: TableParamsSpec): TableState {
  const load = createLoader(tableParsers(spec));
  const values = load(searchParams) as Record<string, unknown>;
  const filters: Record<string, string> = {};
  for (const id of spec.filters ?? []) {
    const value = values[id];
    if (typeof value === 'string' && value !== '') filters[id] = value;
  }
  return {
    page: values.page as number,
    cursor: (values.cursor as string | null) || null,
    pageSize: values.pageSize as number,
    sort: (values.sort as SortState | null) ?? null,
    q: ((values.q as string) ?? '').trim(),
    filters,
  };
}

/** The zero-based row offset for page-number paging (`skip` in Prisma). */
export function tableOffset(state: Pick<TableState, 'page' | 'pageSize'>): number {
  return (state.page - 1) * state.pageSize;
}
