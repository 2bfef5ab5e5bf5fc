import { generateApiKey } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { compileSnapshot } from '../../config/compile-snapshot';
import type { CompiledRoute } from '../../config/compiled-snapshot.types';
import { parseGatewayEnv } from '../../env';
import { fixtureApi, fixtureRoute, fixtureSnapshot, testServices } from '../../testing/snapshot-fixture';
import { testContext } from '../../testing/test-context';
import { FailedAuthThrottle } from './failed-auth-throttle';
import { authenticate, type AuthenticateConfig } from './index';

let now = 1_000_000;
const throttle = (limit = 3, maxAddresses = 100) => new FailedAuthThrottle({ limit, windowMs: 60_000, maxAddresses, clock: () => now });

describe('FailedAuthThrottle', () => {
  it('refuses an address after `limit` failures until the window that began with its first failure ends', () => {
    const t = throttle();
    t.fail('a');
    now += 10_000;
    t.fail('a');
    expect(t.retryAfterSeconds('a')).toBe(0);
    t.fail('a');
    expect(t.retryAfterSeconds('a')).toBe(50);
    expect(t.retryAfterSeconds('b')).toBe(0);
    now += 49_500;
    expect(t.retryAfterSeconds('a')).toBe(1);
    now += 500;
    expect(t.retryAfterSeconds('a')).toBe(0);
    t.fail('a');
    expect(t.retryAfterSeconds('a')).toBe(0);
  });

  it('keeps at most maxAddresses entries however many addresses fail, and drops expired ones as it goes', () => {
    const t = throttle(3, 1_000);
    for (let i = 0; i < 50_000; i++) t.fail(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    expect(t.size).toBe(1_000);
    now += 60_000;
    for (let i = 0; i < 10; i++) t.fail(`192.0.2.${i}`);
    expect(t.size).toBe(1_000 - 10 + 10);
  });
});

describe('authenticate with the throttle', () => {
  const good = generateApiKey();
  const api = fixtureApi('weather', '/weather', [fixtureRoute('/x')]);
  const app = { id: 'app-1', slug: 'acme-app', teamId: 'team-1' };
  const plan = { id: 'plan-1', slug: 'free', name: 'Free', rateLimitRequests: null, rateLimitPer: null, burst: null, quotaRequests: null, quotaPer: null, hardStop: true, apiIds: [api.id] };
  const services = { ...testServices(), env: parseGatewayEnv({ LOG_LEVEL: 'silent', GATEWAY_AUTH_FAILURE_LIMIT: 2 }), clock: () => now };
  const snapshot = compileSnapshot(
    fixtureSnapshot([api], {
      apps: [app],
      plans: [plan],
      subscriptions: [{ id: 'sub-1', appId: app.id, apiId: api.id, planId: plan.id, billingAnchor: '2026-01-01T00:00:00.000Z', timeZone: 'UTC', quotaOverride: null, quotaResetAt: null }],
      keys: [{ id: 'k-good', appId: app.id, hash: good.hash, environment: 'live', scopes: [], expiresAt: null, revokedAt: null }],
    }),
    'database',
    services,
  );
  const route = snapshot.router.find('GET', '/weather/x')!.store as CompiledRoute;
  const config = route.main.find((bound) => bound.stage === authenticate)!.config as AuthenticateConfig;
  let lookups = 0;
  const find = snapshot.index.keys.find.bind(snapshot.index.keys);
  snapshot.index.keys.find = (candidate: string) => (lookups++, find(candidate));

  const attempt = (clientIp: string, apiKey: string) => {
    const ctx = testContext(snapshot, { headers: { 'x-api-key': apiKey } });
    ctx.clientIp = clientIp;
    try {
      authenticate.run(ctx, config);
      return { outcome: 'ok', failedAuth: ctx.failedAuth };
    } catch (error) {
      return { outcome: (error as { code: string }).code, failedAuth: ctx.failedAuth, headers: (error as { headers?: unknown }).headers };
    }
  };

  it('refuses a throttled address before looking up its key, and marks every refused credential', () => {
    expect(attempt('198.51.100.1', generateApiKey().key)).toMatchObject({ outcome: 'invalid_api_key', failedAuth: true });
    expect(attempt('198.51.100.1', 'tg_live_x')).toMatchObject({ outcome: 'malformed_api_key', failedAuth: true });
    const before = lookups;
    expect(attempt('198.51.100.1', good.key)).toMatchObject({ outcome: 'too_many_failed_attempts', failedAuth: true, headers: { 'retry-after': '60' } });
    expect(lookups).toBe(before);
    expect(attempt('198.51.100.2', good.key)).toEqual({ outcome: 'ok', failedAuth: false });
    expect(lookups).toBe(before + 1);
  });
});
