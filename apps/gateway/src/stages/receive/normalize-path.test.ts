import { describe, expect, it } from 'vitest';
import { canonicalPath, checkRequestTarget } from './normalize-path';

const pathOf = (target: string) => {
  const end = checkRequestTarget(target);
  return end < 0 ? end : target.slice(0, end);
};

describe('checkRequestTarget', () => {
  it('splits the path from the query', () => {
    expect(pathOf('/weather/forecast/paris?units=metric')).toBe('/weather/forecast/paris');
    expect(pathOf('/')).toBe('/');
    expect(pathOf('/a/b/')).toBe('/a/b/');
    expect(pathOf('/a?')).toBe('/a');
    expect(pathOf('/a?x=../..%2f')).toBe('/a');
  });

  it('keeps harmless percent-encodings', () => {
    expect(pathOf('/cities/S%C3%A3o%20Paulo')).toBe('/cities/S%C3%A3o%20Paulo');
    expect(pathOf('/a.b/..c/.d')).toBe('/a.b/..c/.d');
  });

  it.each([
    ['not absolute', 'weather', -1],
    ['absolute-form', 'http://evil/x', -1],
    ['asterisk-form', '*', -1],
    ['encoded dot', '/a/%2e%2e/b', -2],
    ['encoded dot, upper case', '/a/%2E%2E/b', -2],
    ['one encoded dot', '/a/.%2e/b', -2],
    ['encoded slash', '/a%2fb', -2],
    ['encoded slash, upper case', '/a%2Fb', -2],
    ['encoded backslash', '/a%5cb', -2],
    ['encoded semicolon (..%3b)', '/a/..%3b/b', -2],
    ['double encoding', '/a/%252e%252e/b', -2],
    ['encoded NUL', '/a%00b', -2],
    ['dot-dot segment', '/a/../b', -3],
    ['trailing dot-dot', '/a/..', -3],
    ['dot segment', '/a/./b', -3],
    ['trailing dot before query', '/a/.?x=1', -3],
    ['empty segment', '/a//b', -4],
    ['leading double slash', '//evil.example/x', -4],
    ['backslash', '/a\\..\\b', -5],
    ['path parameter', '/a;jsessionid=1/b', -5],
    ['fragment', '/a#b', -5],
    ['truncated escape', '/a%2', -6],
    ['bad hex', '/a%zz', -6],
  ])('rejects %s', (_name, target, problem) => {
    expect(checkRequestTarget(target)).toBe(problem);
  });
});

describe('canonicalPath', () => {
  it.each([
    ['/%65cho/x', '/echo/x'],
    ['/%45%63%48%6f', '/EcHo'],
    ['/a%2Db%5Fc%7Ed', '/a-b_c~d'],
    ['/caf%c3%a9', '/caf%C3%A9'],
    ['/a%3ab%20c', '/a%3Ab%20c'],
    ['/plain/path', '/plain/path'],
  ])('%s is %s', (path, canonical) => {
    expect(canonicalPath(path)).toBe(canonical);
  });

  it('refuses encoded bytes that are not UTF-8', () => {
    expect(canonicalPath('/items/%80a')).toBe(-7);
    expect(canonicalPath('/items/%C3')).toBe(-7);
  });

  it('is idempotent', () => {
    for (const path of ['/%65cho/%c3%a9', '/a%3ab', '/x%7e%41']) expect(canonicalPath(canonicalPath(path) as string)).toBe(canonicalPath(path));
  });
});
