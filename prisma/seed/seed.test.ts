import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { revokeApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { hashApiKey, parseApiKey, verifyPassword } from '@tollgate/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from './seed';

const t = useTestDatabase();
let dir: string;
let keyFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tollgate-seed-'));
  keyFile = path.join(dir, 'nested', 'demo-key');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('seedDemo', () => {
  it('applies demo.yaml on the given upstream and writes a new key (0600)', async () => {
    const result = await seedDemo({ db: t.db, demoUpstreamUrl: 'http://127.0.0.1:49999/', keyFile });
    expect(result.keyCreated).toBe(true);
    expect(parseApiKey(result.key).ok).toBe(true);
    expect((await readFile(keyFile, 'utf8')).trim()).toBe(result.key);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(result.admin).toEqual({ email: 'admin@tollgate.local', password: 'tollgate-admin' });
    expect(result.developer).toEqual({ email: 'dev@tollgate.local', password: 'tollgate-dev' });

    const targets = await t.db.upstreamTarget.findMany();
    expect(targets.length).toBeGreaterThanOrEqual(3);
    expect(new Set(targets.map((target) => target.url))).toEqual(new Set(['http://127.0.0.1:49999']));

    const apis = await t.db.api.findMany({ orderBy: { slug: 'asc' } });
    expect(apis.map((api) => [api.slug, api.basePath, api.status])).toEqual([
      ['catalog', '/catalog', 'published'],
      ['payments', '/payments', 'published'],
      ['weather', '/weather', 'published'],
    ]);
    expect(apis.every((api) => (api.openapi as { openapi?: string } | null)?.openapi === '3.1.0')).toBe(true);

    const admin = await t.db.user.findUniqueOrThrow({ where: { email: 'admin@tollgate.local' } });
    expect(admin.role).toBe('admin');
    expect(await verifyPassword('tollgate-admin', admin.passwordHash)).toBe(true);

    const key = await t.db.apiKey.findUniqueOrThrow({ where: { hash: hashApiKey(result.key) }, include: { app: true } });
    expect(key.app.slug).toBe('demo-app');
  });

  it('reuses the saved key and changes nothing on a second run', async () => {
    const before = (await readFile(keyFile, 'utf8')).trim();
    const again = await seedDemo({ db: t.db, demoUpstreamUrl: 'http://127.0.0.1:49999', keyFile });
    expect(again.keyCreated).toBe(false);
    expect(again.key).toBe(before);
    expect(again.applied.changes).toEqual([]);
    expect(await t.db.apiKey.count()).toBe(1);
  });

  it('creates a new key when the saved one was revoked or is not a key', async () => {
    const old = (await readFile(keyFile, 'utf8')).trim();
    const row = await t.db.apiKey.findUniqueOrThrow({ where: { hash: hashApiKey(old) } });
    await revokeApiKey(t.db, row.id);
    const fresh = await seedDemo({ db: t.db, demoUpstreamUrl: 'http://127.0.0.1:49999', keyFile });
    expect(fresh.keyCreated).toBe(true);
    expect(fresh.key).not.toBe(old);
    expect((await readFile(keyFile, 'utf8')).trim()).toBe(fresh.key);

    await writeFile(keyFile, 'not-a-key\n');
    const replaced = await seedDemo({ db: t.db, demoUpstreamUrl: 'http://127.0.0.1:49999', keyFile });
    expect(replaced.keyCreated).toBe(true);
    expect(await t.db.apiKey.count()).toBe(3);
  });

  it('uses the upstream URL from demo.yaml when none is given', async () => {
    const result = await seedDemo({ db: t.db });
    expect(result.keyCreated).toBe(true);
    const targets = await t.db.upstreamTarget.findMany();
    expect(new Set(targets.map((target) => target.url))).toEqual(new Set(['http://127.0.0.1:4010']));
  });
});
