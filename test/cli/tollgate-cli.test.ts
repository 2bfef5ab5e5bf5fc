import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashApiKey, parseApiKey } from '@tollgate/domain';
import { useTestDatabase } from '@tollgate/db/testing';
import { runCli } from '../support/run-cli';

const t = useTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-cli-'));

function writeConfig(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const CONFIG = `
apis:
  - slug: weather
    name: Weather
    basePath: /weather
    status: published
    upstream: { targets: [{ url: "http://127.0.0.1:4010" }] }
    routes:
      - { path: "/forecast/{city}", methods: [GET] }
plans:
  - { slug: free, name: Free, apis: [weather], rateLimit: { requests: 10, per: minute } }
teams:
  - slug: acme
    name: Acme
    apps:
      - slug: acme-app
        name: Acme App
        subscriptions: [{ api: weather, plan: free }]
`;

// Each call starts a real process (tsx + Prisma client): allow for a loaded machine.
describe('tollgate CLI', { timeout: 120_000 }, () => {
  it('apply prints what it changed, then nothing the second time', async () => {
    const file = writeConfig('ok.yaml', CONFIG);
    const first = await runCli(['apply', '-f', file], { DATABASE_URL: t.url });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('+ api weather');
    expect(first.stdout).toMatch(/applied 7 change\(s\); config revision \d+/);
    const second = await runCli(['apply', '-f', file, '--json'], { DATABASE_URL: t.url });
    expect(JSON.parse(second.stdout)).toMatchObject({ changes: [], dryRun: false });
  });

  it('bad input: one readable line with the field path, exit 1, nothing written', async () => {
    const file = writeConfig('bad.yaml', CONFIG.replace('basePath: /weather', 'basePath: weather').replace('slug: weather', 'slug: maps'));
    const result = await runCli(['apply', '-f', file], { DATABASE_URL: t.url });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('apis[0].basePath: path must start with /');
    expect(await t.db.api.findUnique({ where: { slug: 'maps' } })).toBeNull();

    const json = await runCli(['apply', '-f', file, '--json'], { DATABASE_URL: t.url });
    expect(JSON.parse(json.stderr)).toMatchObject({ status: 400, code: 'invalid_params', invalid_params: [{ name: 'apis[0].basePath' }] });
  });

  it('invalid YAML names the line', async () => {
    const file = writeConfig('broken.yaml', 'apis:\n  - slug: [unclosed\n');
    const result = await runCli(['apply', '-f', file], { DATABASE_URL: t.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.yaml:\d+:\d+: invalid YAML/);
  });

  it('keys create prints a key once; only its hash is stored; revoke marks it', async () => {
    const created = await runCli(['keys', 'create', '--app', 'acme-app', '--json'], { DATABASE_URL: t.url });
    expect(created.code).toBe(0);
    const { id, key, prefix } = JSON.parse(created.stdout) as { id: string; key: string; prefix: string };
    expect(parseApiKey(key).ok).toBe(true);
    expect(key.startsWith(prefix)).toBe(true);
    const row = await t.db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.hash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key);

    const revoked = await runCli(['keys', 'revoke', id], { DATABASE_URL: t.url });
    expect(revoked.stdout, revoked.stderr).toContain(`revoked ${prefix}`);
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).not.toBeNull();
  });

  it('keys create for an unknown app is a clear error', async () => {
    const result = await runCli(['keys', 'create', '--app', 'nope', '--json'], { DATABASE_URL: t.url });
    expect(result.code).toBe(1);
    // The CLI calls the same keys.create operation as the admin API: the field is named.
    expect(JSON.parse(result.stderr)).toMatchObject({ status: 400, code: 'invalid_params', invalid_params: [{ name: 'app', reason: 'no app with slug "nope"' }] });
  });

  it('an unreachable database is one line that says what to fix', async () => {
    const file = writeConfig('ok2.yaml', CONFIG);
    const result = await runCli(['apply', '-f', file], { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nothing' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'tollgate: cannot reach PostgreSQL at postgresql://postgres@127.0.0.1:1/nothing (connection refused). Start PostgreSQL, fix DATABASE_URL, or unset it to use the embedded one.',
    );
  });
});
