import { generateApiKey } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { compileSnapshot } from '../../config/compile-snapshot';
import type { CompiledRoute } from '../../config/compiled-snapshot.types';
import { testContext } from '../../testing/test-context';
import { fixtureApi, fixtureRoute, fixtureSnapshot, testServices } from '../../testing/snapshot-fixture';
import { extractApiKey, queryParam } from './extract-api-key';
import { authenticate, type AuthenticateConfig } from './index';

const good = generateApiKey();
const expired = generateApiKey();
const scoped = generateApiKey();
const weather = fixtureApi('weather', '/weather', [fixtureRoute('/x'), fixtureRoute('/q', { allowQueryKey: true }), fixtureRoute('/j', { auth: 'jwt' }), fixtureRoute('/open', { auth: 'none' })]);
const other = fixtureApi('other', '/other', [fixtureRoute('/x')]);
const suspendedApi = fixtureApi('suspended-api', '/s', [fixtureRoute('/x')]);
const cancelledApi = fixtureApi('cancelled-api', '/c', [fixtureRoute('/x')]);
const pendingApi = fixtureApi('pending-api', '/p', [fixtureRoute('/x')]);
const revoked = generateApiKey();
const routeScoped = generateApiKey();
const app = { id: 'app-1', slug: 'acme-app', teamId: 'team-1' };
const plan = { id: 'plan-1', slug: 'free', name: 'Free', rateLimitRequests: null, rateLimitPer: null, burst: null, quotaRequests: null, quotaPer: null, hardStop: true, apiIds: [weather.id] };
const key = (id: string, hash: string, extra: { scopes?: string[]; expiresAt?: string | null; revokedAt?: string | null } = {}) => ({
  id,
  appId: app.id,
  hash,
  environment: 'live' as const,
  scopes: extra.scopes ?? [],
  expiresAt: extra.expiresAt ?? null,
  revokedAt: extra.revokedAt ?? null,
});
const snapshot = compileSnapshot(
  fixtureSnapshot([weather, other, suspendedApi, cancelledApi, pendingApi], {
    apps: [app],
    plans: [plan],
    subscriptions: [{ id: 'sub-1', appId: app.id, apiId: weather.id, planId: plan.id, billingAnchor: '2026-01-01T00:00:00.000Z', timeZone: 'UTC', quotaOverride: null, quotaResetAt: null }],
    keys: [key('k-good', good.hash), key('k-expired', expired.hash, { expiresAt: '2020-01-01T00:00:00.000Z' }), key('k-scoped', scoped.hash, { scopes: ['other'] }),
      key('k-revoked', revoked.hash, { revokedAt: '2026-01-01T00:00:00.000Z' }),
      key('k-route', routeScoped.hash, { scopes: ['weather:GET /x'] }),
    ],
    inactiveSubscriptions: [
      { appId: app.id, apiId: suspendedApi.id, status: 'suspended' },
      { appId: app.id, apiId: cancelledApi.id, status: 'cancelled' },
      { appId: app.id, apiId: pendingApi.id, status: 'pending' },
    ],
  }),
  'database',
  testServices(),
);

function configFor(path: string): AuthenticateConfig | undefined {
  const route = snapshot.router.find('GET', path)!.store as CompiledRoute;
  return route.main.find((bound) => bound.stage === authenticate)?.config as AuthenticateConfig | undefined;
}

function authenticated(path: string, headers: Record<string, string>, query = '') {
  const ctx = testContext(snapshot, { headers });
  ctx.query = query;
  authenticate.run(ctx, configFor(path)!);
  return ctx;
}

const failure = (path: string, headers: Record<string, string>, query = '') => {
  try {
    authenticated(path, headers, query);
  } catch (error) {
    return error as { code: string; status: number };
  }
  throw new Error('expected authentication to fail');
};

describe('authenticate', () => {
  it('is not bound to routes with auth none', () => {
    expect(configFor('/weather/open')).toBeUndefined();
  });

  it('resolves key -> app -> subscription -> plan into the principal', () => {
    const ctx = authenticated('/weather/x', { authorization: `Bearer ${good.key}` });
    expect(ctx.principal).toMatchObject({ kind: 'key', key: { id: 'k-good' }, app: { slug: 'acme-app' }, subscription: { id: 'sub-1' } });
    expect(ctx.plan?.slug).toBe('free');
  });

  it.each([
    ['no key', {}, 'missing_credentials', 401],
    ['malformed', { 'x-api-key': 'tg_live_nope' }, 'malformed_api_key', 401],
    ['bad checksum', { 'x-api-key': `${good.key.slice(0, -2)}zz` }, 'malformed_api_key', 401],
    ['unknown', { 'x-api-key': generateApiKey().key }, 'invalid_api_key', 401],
    ['expired', { 'x-api-key': expired.key }, 'expired_api_key', 401],
  ])('%s -> %s', (_name, headers, code, status) => {
    expect(failure('/weather/x', headers as Record<string, string>)).toMatchObject({ code, status });
  });

  it('403 no_subscription for an API the app does not subscribe to', () => {
    expect(failure('/other/x', { 'x-api-key': good.key })).toMatchObject({ code: 'no_subscription', status: 403 });
  });

  it('403 out_of_scope for a key scoped to another API', () => {
    expect(failure('/weather/x', { 'x-api-key': scoped.key })).toMatchObject({ code: 'out_of_scope', status: 403 });
  });

  it('reads the query key only on routes that allow it', () => {
    expect(authenticated('/weather/q', {}, `a=1&api_key=${good.key}`).principal?.key?.id).toBe('k-good');
    expect(failure('/weather/x', {}, `api_key=${good.key}`)).toMatchObject({ code: 'missing_credentials' });
  });

  it('refuses every request on a JWT route of an API without issuers', async () => {
    expect(failure('/weather/j', { authorization: `Bearer ${good.key}` })).toMatchObject({ code: 'invalid_token', status: 401 });
    const ctx = testContext(snapshot, { headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln' } });
    await expect(authenticate.run(ctx, configFor('/weather/j')!)).rejects.toMatchObject({ code: 'invalid_token', status: 401 });
    expect(failure('/weather/j', {})).toMatchObject({ code: 'missing_credentials', status: 401 });
  });

  it('401 revoked_api_key for a recently revoked key', () => {
    expect(failure('/weather/x', { 'x-api-key': revoked.key })).toMatchObject({ code: 'revoked_api_key', status: 401 });
  });

  it('accepts a key scoped to this route only, and refuses it elsewhere in the API', () => {
    expect(authenticated('/weather/x', { 'x-api-key': routeScoped.key }).principal?.key?.id).toBe('k-route');
    expect(failure('/weather/q', { 'x-api-key': routeScoped.key })).toMatchObject({ code: 'out_of_scope', status: 403 });
  });

  it.each([
    ['suspended', 'subscription_suspended'],
    ['cancelled', 'subscription_suspended'],
    ['pending', 'no_subscription'],
  ])('a %s subscription -> 403 %s', (status, code) => {
    const path = { suspended: '/s/x', cancelled: '/c/x', pending: '/p/x' }[status]!;
    expect(failure(path, { 'x-api-key': good.key })).toMatchObject({ code, status: 403 });
  });
});

describe('extractApiKey', () => {
  it('prefers Authorization Bearer, then X-Api-Key, then the query', () => {
    expect(extractApiKey({ authorization: 'Bearer a', 'x-api-key': 'b' }, 'api_key=c')).toBe('a');
    expect(extractApiKey({ authorization: 'bearer  a ' }, '')).toBe('a');
    expect(extractApiKey({ authorization: 'Basic xyz', 'x-api-key': 'b' }, 'api_key=c')).toBe('b');
    expect(extractApiKey({}, 'x=1&api_key=c')).toBe('c');
    expect(extractApiKey({}, '')).toBeUndefined();
  });

  it('finds one query parameter without parsing the rest', () => {
    expect(queryParam('a=1&api_key=x%2By&b=2', 'api_key')).toBe('x+y');
    expect(queryParam('my_api_key=1', 'api_key')).toBeUndefined();
    expect(queryParam('api_keyx=1&api_key=2', 'api_key')).toBe('2');
    expect(queryParam('api_key=%E0%A4%A', 'api_key')).toBe('%E0%A4%A');
  });
});
