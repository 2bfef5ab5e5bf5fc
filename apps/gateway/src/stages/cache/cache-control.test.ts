import { describe, expect, it } from 'vitest';
import { bypassesCache, carriesUpstreamCredentials, forbidsStore, storability } from './cache-control';

const TTL = 60_000;
const none = new Set<string>();

describe('storability', () => {
  it('stores cacheable statuses for the route TTL', () => {
    for (const status of [200, 203, 204, 301, 404]) expect(storability(status, {}, TTL, none)).toEqual({ ttlMs: TTL, shared: false });
  });

  it.each([
    ['status 201', 201, {}],
    ['status 302', 302, {}],
    ['status 500', 500, {}],
    ['Set-Cookie', 200, { 'set-cookie': ['a=b'] }],
    ['no-store', 200, { 'cache-control': 'no-store' }],
    ['no-cache', 200, { 'cache-control': 'max-age=60, no-cache' }],
    ['private', 200, { 'cache-control': 'Private, max-age=60' }],
    ['max-age=0', 200, { 'cache-control': 'max-age=0' }],
    ['Vary: *', 200, { vary: '*' }],
    ['Vary on a header the route does not vary on', 200, { vary: 'Accept-Encoding' }],
  ])('refuses %s', (_name, status, headers) => {
    expect(storability(status, headers, TTL, none).ttlMs).toBe(0);
  });

  it('takes the shorter of the route TTL and max-age / s-maxage (s-maxage wins over max-age)', () => {
    expect(storability(200, { 'cache-control': 'max-age=5' }, TTL, none).ttlMs).toBe(5_000);
    expect(storability(200, { 'cache-control': 'max-age=3600' }, TTL, none).ttlMs).toBe(TTL);
    expect(storability(200, { 'cache-control': 'max-age=5, s-maxage=20' }, TTL, none).ttlMs).toBe(20_000);
    expect(storability(200, { 'cache-control': 's-maxage=20, max-age=5' }, TTL, none).ttlMs).toBe(20_000);
  });

  it('marks public answers as shared and accepts a Vary the route varies on', () => {
    expect(storability(200, { 'cache-control': 'public' }, TTL, none)).toEqual({ ttlMs: TTL, shared: true });
    expect(storability(200, { vary: 'X-Lang' }, TTL, new Set(['x-lang'])).ttlMs).toBe(TTL);
  });
});

describe('requests with credentials for the upstream', () => {
  it('are personal: a Cookie or a non-Tollgate Authorization, not a Tollgate key', () => {
    expect(carriesUpstreamCredentials({ cookie: 'session=1' })).toBe(true);
    expect(carriesUpstreamCredentials({ authorization: 'Bearer eyJhbGciOi.x.y' })).toBe(true);
    expect(carriesUpstreamCredentials({ authorization: 'Bearer tg_live_abc' })).toBe(false);
    expect(carriesUpstreamCredentials({ 'x-api-key': 'tg_live_abc' })).toBe(false);
  });

  it('store only answers marked public, s-maxage or must-revalidate', () => {
    expect(storability(200, {}, TTL, none, true).ttlMs).toBe(0);
    expect(storability(200, { 'cache-control': 'max-age=60' }, TTL, none, true).ttlMs).toBe(0);
    expect(storability(200, { 'cache-control': 'public, max-age=60' }, TTL, none, true)).toEqual({ ttlMs: TTL, shared: true });
    expect(storability(200, { 'cache-control': 's-maxage=30' }, TTL, none, true).ttlMs).toBe(30_000);
    expect(storability(200, { 'cache-control': 'max-age=30, must-revalidate' }, TTL, none, true).ttlMs).toBe(30_000);
  });
});

describe('request directives', () => {
  it('bypasses on no-cache / no-store / Pragma: no-cache', () => {
    expect(bypassesCache({ 'cache-control': 'no-cache' })).toBe(true);
    expect(bypassesCache({ 'cache-control': 'max-age=0, no-store' })).toBe(true);
    expect(bypassesCache({ pragma: 'no-cache' })).toBe(true);
    expect(bypassesCache({ 'cache-control': 'max-age=60' })).toBe(false);
    expect(bypassesCache({ 'cache-control': 'no-cache-please' })).toBe(false);
    expect(bypassesCache({})).toBe(false);
  });

  it('forbids storing only on no-store', () => {
    expect(forbidsStore({ 'cache-control': 'no-store' })).toBe(true);
    expect(forbidsStore({ 'cache-control': 'no-cache' })).toBe(false);
  });
});
