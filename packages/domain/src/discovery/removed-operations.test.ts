import { describe, expect, it } from 'vitest';
import { removedOperations } from './removed-operations';

const doc = (paths: Record<string, string[]>, server?: string) => ({
  openapi: '3.1.0',
  ...(server ? { servers: [{ url: server }] } : {}),
  paths: Object.fromEntries(Object.entries(paths).map(([path, methods]) => [path, Object.fromEntries(methods.map((method) => [method, { responses: {} }]))])),
});

describe('removedOperations', () => {
  it('lists the operations the new document no longer describes', () => {
    expect(removedOperations(doc({ '/a': ['get', 'post'], '/b/{id}': ['get'] }), doc({ '/a': ['get'] }))).toEqual([
      { method: 'POST', path: '/a' },
      { method: 'GET', path: '/b/{id}' },
    ]);
  });
  it('ignores renamed path parameters', () => {
    expect(removedOperations(doc({ '/b/{id}': ['get'] }), doc({ '/b/{itemId}': ['get'] }))).toEqual([]);
  });
  it('treats a missing document as describing nothing', () => {
    expect(removedOperations(null, doc({ '/a': ['get'] }))).toEqual([]);
    expect(removedOperations(doc({ '/a': ['get'] }), null)).toEqual([{ method: 'GET', path: '/a' }]);
  });
  it('keeps the server path variants', () => {
    expect(removedOperations(doc({ '/a': ['get'] }, 'https://x.example/v1'), doc({}, 'https://x.example/v1'))).toEqual([
      { method: 'GET', path: '/a' },
      { method: 'GET', path: '/v1/a' },
    ]);
  });
});
