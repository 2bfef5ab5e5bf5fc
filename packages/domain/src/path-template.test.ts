import { describe, expect, it } from 'vitest';
import { checkPathTemplate, fillTemplate, joinPaths, toRouterPattern } from './path-template';

describe('path templates', () => {
  it('accepts static, param and trailing wildcard segments', () => {
    expect(checkPathTemplate('/forecast/{city}')).toEqual({ ok: true });
    expect(checkPathTemplate('/files/*')).toEqual({ ok: true });
    expect(checkPathTemplate('/')).toEqual({ ok: true });
  });

  it('rejects what would be ambiguous', () => {
    expect(checkPathTemplate('forecast')).toMatchObject({ ok: false });
    expect(checkPathTemplate('/a//b')).toMatchObject({ ok: false });
    expect(checkPathTemplate('/a/../b')).toMatchObject({ ok: false });
    expect(checkPathTemplate('/a/*/b')).toMatchObject({ ok: false });
    expect(checkPathTemplate('/{id}/{id}')).toMatchObject({ ok: false, reason: 'parameter {id} appears twice' });
    expect(checkPathTemplate('/a b')).toMatchObject({ ok: false });
  });

  it('joins base and route paths without doubling slashes', () => {
    expect(joinPaths('/weather', '/forecast/{city}')).toBe('/weather/forecast/{city}');
    expect(joinPaths('/weather/', '/')).toBe('/weather');
    expect(joinPaths('/', '/')).toBe('/');
  });

  it('converts to router syntax and fills values back in, encoded', () => {
    expect(toRouterPattern('/forecast/{city}/*')).toBe('/forecast/:city/*');
    expect(fillTemplate('/v1/forecast/{city}', { city: 'São Paulo' })).toBe('/v1/forecast/S%C3%A3o%20Paulo');
    expect(fillTemplate('/files/*', {}, 'a/b.txt')).toBe('/files/a/b.txt');
  });
});
