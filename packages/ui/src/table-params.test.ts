import { describe, expect, it } from 'vitest';
import { parseSort, parseTableSearchParams, serializeSort, tableOffset, type TableParamsSpec } from './table-params';

const spec: TableParamsSpec = { sortable: ['name', 'createdAt'], filters: ['status', 'visibility'], pageSizes: [10, 25, 50], defaultPageSize: 25, defaultSort: '-createdAt' };

describe('parseTableSearchParams', () => {
  it('gives the defaults for an empty query', () => {
    expect(parseTableSearchParams({}, spec)).toEqual({ page: 1, cursor: null, pageSize: 25, sort: { id: 'createdAt', desc: true }, q: '', filters: {} });
  });

  it('reads page, page size, sort, search, cursor and filters', () => {
    const state = parseTableSearchParams(new URLSearchParams('page=3&pageSize=50&sort=name&q=%20wea%20&cursor=abc&status=published&other=x'), spec);
    expect(state).toEqual({ page: 3, cursor: 'abc', pageSize: 50, sort: { id: 'name', desc: false }, q: 'wea', filters: { status: 'published' } });
    expect(tableOffset(state)).toBe(100);
  });

  it('falls back to defaults for malformed or unlisted values', () => {
    const state = parseTableSearchParams({ page: '-2', pageSize: '1000', sort: '-password', status: '' }, spec);
    expect(state.page).toBe(1);
    expect(state.pageSize).toBe(25);
    expect(state.sort).toEqual({ id: 'createdAt', desc: true });
    expect(state.filters).toEqual({});
    expect(parseTableSearchParams({ page: '1e3' }, spec).page).toBe(1);
    expect(parseTableSearchParams({ page: '0' }, spec).page).toBe(1);
  });

  it('takes the first value of a repeated key', () => {
    expect(parseTableSearchParams({ page: ['2', '5'] }, spec).page).toBe(2);
  });

  it('has no sort when none is asked for and no default is set', () => {
    expect(parseTableSearchParams({ sort: 'name' }, { filters: [] }).sort).toBeNull();
  });
});

describe('sort values', () => {
  it('round-trips ascending and descending', () => {
    for (const value of ['name', '-name']) expect(serializeSort(parseSort(value, ['name'])!)).toBe(value);
    expect(parseSort('-', ['name'])).toBeNull();
  });
});
