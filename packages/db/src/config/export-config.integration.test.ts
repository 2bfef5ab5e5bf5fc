// `export` then `apply` of the export changes nothing, and the exported file holds no secret.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ZConfigFile } from '@tollgate/contracts';
import { generateApiKey } from '@tollgate/domain';
import { useTestDatabase } from '../testing';
import { applyConfig } from './apply-config';
import { exportConfig } from './export-config';

const t = useTestDatabase();
const DEMO = path.resolve(import.meta.dirname, '../../../../prisma/seed/demo.yaml');

async function demoWithExtras() {
  const raw = parse(await readFile(DEMO, 'utf8')) as Record<string, unknown> & { apis: Record<string, unknown>[]; teams: { apps: Record<string, unknown>[] }[] };
  raw.apis[0]!.jwt = [{ issuer: 'https://id.example.com/', audience: ['weather'], jwksUrl: 'https://id.example.com/jwks.json' }];
  raw.apis[0]!.policies = { cors: { origins: ['https://app.example.com'] }, ipDeny: ['203.0.113.0/24'] };
  const app = raw.teams[0]!.apps[0]!;
  app.keys = [{ key: generateApiKey('live').key, name: 'ci', scopes: ['weather'] }, { key: generateApiKey('test').key, name: 'laptop', expiresAt: '2030-01-01T00:00:00.000Z' }];
  app.jwtClients = [{ api: 'weather', issuer: 'https://id.example.com/', subject: 'acme-service' }];
  return ZConfigFile.parse(raw);
}

describe('exportConfig', () => {
  it('round-trips: applying the export changes nothing', async () => {
    const applied = await applyConfig(t.db, await demoWithExtras(), { baseDir: path.dirname(DEMO) });
    expect(applied.changes.length).toBeGreaterThan(10);
    const exported = await exportConfig(t.db);
    const text = stringify(exported);
    const again = await applyConfig(t.db, ZConfigFile.parse(parse(text)), { baseDir: null });
    expect(again.changes).toEqual([]);
    expect(exported.apis).toContainEqual(expect.objectContaining({ slug: 'weather', tags: ['weather', 'open-data'], version: '1.2.0' }));
    expect(stringify(await exportConfig(t.db))).toBe(text);
  });

  it('writes keys as their hash and display prefix, never the key', async () => {
    const config = await demoWithExtras();
    const keys = config.teams[0]!.apps[0]!.keys.map((key) => key.key!);
    await applyConfig(t.db, config, { baseDir: path.dirname(DEMO) });
    const text = stringify(await exportConfig(t.db));
    for (const key of keys) expect(text).not.toContain(key);
    expect(text).toMatch(/keyHash: [0-9a-f]{64}/);
    expect(text).toMatch(/prefix: tg_live_/);
  });

  it('leaves revoked keys out', async () => {
    await applyConfig(t.db, await demoWithExtras(), { baseDir: path.dirname(DEMO) });
    await t.db.apiKey.updateMany({ where: { name: 'ci' }, data: { revokedAt: new Date() } });
    const exported = ZConfigFile.parse(await exportConfig(t.db));
    const names = exported.teams[0]!.apps[0]!.keys.map((key) => key.name);
    expect(names).toContain('laptop');
    expect(names).not.toContain('ci');
  });
});

it('refuses an OpenAPI file path when documents must be inline', async () => {
  const config = await demoWithExtras();
  await expect(applyConfig(t.db, config, { baseDir: null })).rejects.toMatchObject({ code: 'invalid_params' });
});
