import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { buildApi, buildConfig, buildPlan, buildRoute, buildTeam, buildUser } from './factories';

const t = useTestDatabase();

describe('seed factories', () => {
  it('build a config that ZConfigFile accepts, pointing at the given upstream', () => {
    const config = buildConfig({ upstreamUrl: 'http://127.0.0.1:45678' });
    expect(ZConfigFile.safeParse(config).success).toBe(true);
    expect(config.apis[0]).toMatchObject({ slug: 'echo', basePath: '/echo', upstream: { targets: [{ url: 'http://127.0.0.1:45678', weight: 1 }] } });
    expect(config.plans.map((plan) => plan.slug)).toEqual(['basic']);
    expect(config.teams[0]?.apps[0]?.subscriptions).toEqual([{ api: 'echo', plan: 'basic', status: 'active' }]);
  });

  it('take overrides for every piece and still validate', () => {
    const config = buildConfig({
      apis: [buildApi({ slug: 'orders', basePath: '/orders', routes: [buildRoute({ path: '/{id}', methods: ['GET'], weight: 3 })] })],
      plans: [buildPlan({ slug: 'gold', apis: ['orders'], rateLimit: { requests: 5, per: 'second' } })],
      users: [buildUser({ email: 'Owner@Example.test' })],
      teams: [buildTeam({ members: [{ email: 'owner@example.test', role: 'owner' }], apps: [{ slug: 'app', name: 'App', subscriptions: [{ api: 'orders', plan: 'gold' }] }] })],
    });
    expect(config.apis[0]?.routes[0]).toMatchObject({ path: '/{id}', weight: 3, auth: 'key' });
    expect(config.users[0]?.email).toBe('owner@example.test');
  });

  it('reject what ZConfigFile rejects', () => {
    expect(() => buildConfig({ plans: [buildPlan(), buildPlan()] })).toThrow(/duplicate plan slug/);
    expect(() => buildConfig({ upstreamUrl: 'ftp://example.test' })).toThrow();
  });

  it('apply to a real database', async () => {
    const result = await applyConfig(t.db, buildConfig(), { baseDir: import.meta.dirname });
    expect(result.changes.length).toBeGreaterThan(0);
    const app = await t.db.app.findUnique({ where: { slug: 'acme-app' }, include: { subscriptions: { include: { plan: true, api: true } } } });
    expect(app?.subscriptions.map((sub) => `${sub.api.slug}:${sub.plan.slug}`)).toEqual(['echo:basic']);
  });
});
