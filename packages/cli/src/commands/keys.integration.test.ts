import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { hashApiKey, parseApiKey } from '@tollgate/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/support/run-cli';

const t = useTestDatabase();

beforeAll(async () => {
  await applyConfig(
    t.db,
    ZConfigFile.parse({
      apis: [{ slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] } }],
      plans: [{ slug: 'free', name: 'Free', apis: ['weather'] }],
      teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'free' }] }] }],
    }),
    { baseDir: process.cwd() },
  );
});

describe('tollgate keys rotate / list', () => {
  it('rotate --json prints the new key once and when the old one stops; list --json never shows hashes', async () => {
    const old = await createApiKey(t.db, { appSlug: 'acme-app', name: 'ci' });
    const started = Date.now();
    const rotated = await runCli(['keys', 'rotate', old.id, '--grace', '1h', '--json'], { DATABASE_URL: t.url });
    expect(rotated.code, rotated.stderr).toBe(0);
    const body = JSON.parse(rotated.stdout) as { id: string; key: string; prefix: string; oldKeyExpiresAt: string };
    expect(Object.keys(body).sort()).toEqual(['id', 'key', 'oldKeyExpiresAt', 'prefix']);
    expect(parseApiKey(body.key).ok).toBe(true);
    expect(Date.parse(body.oldKeyExpiresAt) - started).toBeGreaterThanOrEqual(3_600_000 - 1_000);
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: body.id } })).hash).toBe(hashApiKey(body.key));

    const listed = await runCli(['keys', 'list', '--app', 'acme-app', '--json'], { DATABASE_URL: t.url });
    expect(listed.code, listed.stderr).toBe(0);
    const keys = JSON.parse(listed.stdout) as { id: string; prefix: string; expiresAt: string | null }[];
    expect(keys.map((key) => key.id).sort()).toEqual([old.id, body.id].sort());
    expect(keys.find((key) => key.id === old.id)?.expiresAt).toBe(body.oldKeyExpiresAt);
    expect(listed.stdout).not.toContain(body.key);
    expect(listed.stdout).not.toMatch(/"hash"|[0-9a-f]{64}/);
  }, 120_000);

  it('rotate --grace 0 ends the old key now; a bad grace is a problem+json', async () => {
    const old = await createApiKey(t.db, { appSlug: 'acme-app' });
    const now = await runCli(['keys', 'rotate', old.id, '--grace', '0', '--json'], { DATABASE_URL: t.url });
    expect(now.code, now.stderr).toBe(0);
    expect(Date.parse((JSON.parse(now.stdout) as { oldKeyExpiresAt: string }).oldKeyExpiresAt)).toBeLessThanOrEqual(Date.now());
    const bad = await runCli(['keys', 'rotate', old.id, '--grace', '8d', '--json'], { DATABASE_URL: t.url });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr)).toMatchObject({ status: 400, code: 'invalid_params' });
  }, 120_000);
});
