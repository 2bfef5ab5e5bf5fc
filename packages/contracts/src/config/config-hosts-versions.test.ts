import { describe, expect, it } from 'vitest';
import { ZConfigFile, routeKey } from './config-file.schema';

const api = (slug: string, extra: object = {}) => ({
  slug,
  name: slug,
  basePath: '/shop',
  upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] },
  routes: [{ path: '/items' }],
  ...extra,
});

const messages = (input: unknown) => {
  const result = ZConfigFile.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('basePath per host', () => {
  it('lets APIs share a basePath on different hosts, and with one API without hosts', () => {
    expect(messages({ apis: [api('a', { hosts: ['a.example.com'] }), api('b', { hosts: ['b.example.com'] }), api('c'), api('d', { hosts: ['*.example.com'] })] })).toEqual([]);
  });

  it('rejects two APIs on one basePath for the same host, case-insensitively', () => {
    expect(messages({ apis: [api('a', { hosts: ['A.example.com'] }), api('b', { hosts: ['a.example.com', 'b.example.com'] })] })).toEqual([
      'duplicate basePath "/shop" (also at index 0) for the same host',
    ]);
    expect(messages({ apis: [api('a'), api('b')] })).toHaveLength(1);
  });

  it('rejects hosts with ports or bad wildcards', () => {
    expect(messages({ apis: [api('a', { hosts: ['a.example.com:8080'] })] })).toHaveLength(1);
    expect(messages({ apis: [api('a', { hosts: ['a.*.example.com'] })] })).toHaveLength(1);
  });
});

describe('versions', () => {
  it('parses versions with defaults and routes tied to them', () => {
    const config = ZConfigFile.parse({ apis: [api('a', { versions: [{ name: 'v2', match: 'v2' }], routes: [{ path: '/items', version: 'v2' }, { path: '/items' }] })] });
    expect(config.apis[0]!.versions).toEqual([{ name: 'v2', selector: 'path', match: 'v2', default: false }]);
  });

  it('rejects unknown route versions, mixed selectors, duplicate matches and two defaults', () => {
    expect(messages({ apis: [api('a', { routes: [{ path: '/items', version: 'v9' }] })] })).toEqual(['unknown version "v9"']);
    expect(messages({ apis: [api('a', { versions: [{ name: 'v1', match: 'v1' }, { name: 'v2', match: 'v2', selector: 'header' }] })] })).toEqual([
      'versions of one API must all use the same selector',
    ]);
    expect(messages({ apis: [api('a', { versions: [{ name: 'v1', match: 'x' }, { name: 'v2', match: 'x' }] })] })).toHaveLength(1);
    expect(messages({ apis: [api('a', { versions: [{ name: 'v1', match: 'v1', default: true }, { name: 'v2', match: 'v2', default: true }] })] })).toEqual([
      'at most one version can be the default',
    ]);
  });

  it('keys a versioned route by its version, so one path can exist in two versions', () => {
    expect(routeKey({ methods: ['GET'], path: '/x', version: 'v2' })).toBe('v2 GET /x');
    expect(routeKey({ methods: ['GET'], path: '/x' })).toBe('GET /x');
    expect(messages({ apis: [api('a', { versions: [{ name: 'v1', match: 'v1' }, { name: 'v2', match: 'v2' }], routes: [{ path: '/items', version: 'v1' }, { path: '/items', version: 'v2' }] })] })).toEqual([]);
  });
});
