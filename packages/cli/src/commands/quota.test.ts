import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { ZConfigFile } from '@tollgate/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/support/run-cli';

const t = useTestDatabase();

beforeAll(async () => {
  const config = ZConfigFile.parse({
    apis: [{ slug: 'weather', name: 'Weather', basePath: '/weather', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] } }],
    plans: [{ slug: 'free', name: 'Free', apis: ['weather'], quota: { requests: 1000, per: 'month' } }],
    teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'free' }] }] }],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
});

const revision = async () => Number((await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision);

// Each call starts a real process: allow for a loaded machine.
describe('tollgate quota', { timeout: 120_000 }, () => {
  it('set overrides the quota, reset stamps the reset time, both bump the revision', async () => {
    const before = await revision();
    const set = await runCli(['quota', 'set', '--app', 'acme-app', '--api', 'weather', '--requests', '5000', '--json'], { DATABASE_URL: t.url });
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ plan: 'free', planQuota: 1000, per: 'month', quotaOverride: 5000 });

    const reset = await runCli(['quota', 'reset', '--app', 'acme-app', '--api', 'weather'], { DATABASE_URL: t.url });
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/acme-app → weather: quota reset at .*; quota 5000 per month \(override\)/);
    const subscription = await t.db.subscription.findFirstOrThrow({ where: { app: { slug: 'acme-app' } } });
    expect(subscription.quotaOverride).toBe(5000);
    expect(Math.abs(subscription.quotaResetAt!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await revision()).toBe(before + 2);

    const back = await runCli(['quota', 'set', '--app', 'acme-app', '--api', 'weather', '--requests', 'plan', '--json'], { DATABASE_URL: t.url });
    expect(JSON.parse(back.stdout)).toMatchObject({ quotaOverride: null });
  });

  it('answers problem+json for an unknown subscription and a bad number', async () => {
    const missing = await runCli(['quota', 'reset', '--app', 'acme-app', '--api', 'nope', '--json'], { DATABASE_URL: t.url });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr)).toMatchObject({ code: 'not_found', status: 404 });
    const bad = await runCli(['quota', 'set', '--app', 'acme-app', '--api', 'weather', '--requests', '-3'], { DATABASE_URL: t.url });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--requests "-3" must be a whole number/);
  });
});
