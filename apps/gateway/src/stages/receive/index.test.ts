import { describe, expect, it } from 'vitest';
import { compileSnapshot } from '../../config/compile-snapshot';
import { testContext } from '../../testing/test-context';
import { fixtureSnapshot, testServices } from '../../testing/snapshot-fixture';
import { receive } from './index';

const CONFIG = { trustedProxies: null };
const snapshot = compileSnapshot(fixtureSnapshot([]), 'database', testServices());

function received(url: string, headers: Record<string, string> = {}) {
  const ctx = testContext(snapshot, { url, headers });
  receive.run(ctx, CONFIG);
  return ctx;
}

describe('receive', () => {
  it('splits path and query once', () => {
    expect(received('/a/b?x=1&y=2')).toMatchObject({ path: '/a/b', query: 'x=1&y=2' });
    expect(received('/a/b')).toMatchObject({ path: '/a/b', query: '' });
    expect(received('/a/b?')).toMatchObject({ path: '/a/b', query: '' });
  });

  it('keeps a sane X-Request-Id and replaces anything else', () => {
    expect(received('/', { 'x-request-id': 'abc-123_x.y:z' }).requestId).toBe('abc-123_x.y:z');
    expect(received('/', { 'x-request-id': 'has space' }).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(received('/', { 'x-request-id': 'x'.repeat(129) }).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(received('/').requestId).not.toBe(received('/').requestId);
  });

  it('throws invalid_path (400) for an ambiguous path, with the request id already set', () => {
    const ctx = testContext(snapshot, { url: '/a/%2e%2e/b', headers: { 'x-request-id': 'r1' } });
    expect(() => receive.run(ctx, CONFIG)).toThrow(expect.objectContaining({ code: 'invalid_path', status: 400 }));
    expect(ctx.requestId).toBe('r1');
  });
});
