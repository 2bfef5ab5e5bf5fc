// The conventions a shell script relies on, through the real `tollgate` binary: a date that
// does not exist is refused (never rolled into the next month), a YAML mistake names its
// line and column, --version, exit status 2 for a command line that cannot be understood,
// problem+json on stderr (stdout stays for results) with --json, and a slug that names
// nothing is a 404 wherever a command takes one.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { ZConfigFile } from '@tollgate/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';

const t = useTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-cli-conventions-'));
const env = () => ({ DATABASE_URL: t.url, TOLLGATE_URL: '', TOLLGATE_TOKEN: '' });
const VERSION = (JSON.parse(readFileSync(new URL('../../packages/cli/package.json', import.meta.url), 'utf8')) as { version: string }).version;

beforeAll(async () => {
  const config = ZConfigFile.parse({
    apis: [{ slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] }, routes: [{ path: '/forecast/{city}', methods: ['GET'] }] }],
    plans: [{ slug: 'free', name: 'Free', apis: ['weather'] }],
    teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'free' }] }] }],
  });
  await applyConfig(t.db, config, { baseDir: dir });
});

// Each call starts a real process (tsx + Prisma client): allow for a loaded machine.
describe('tollgate CLI conventions', { timeout: 300_000 }, () => {
  it('refuses dates that do not exist instead of rolling them over, as a usage error', async () => {
    for (const args of [
      ['usage', '--to', '2027-04-31T00:00:00Z'],
      ['keys', 'create', '--app', 'acme-app', '--expires', '2027-02-29'],
    ]) {
      const result = await runCli(args, env());
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/argument '2027-0\d-\d\d[^']*' is invalid\. not an ISO 8601 date that exists/);
      expect(result.stdout).toBe('');
    }
    expect(await t.db.apiKey.count()).toBe(0);
    const leapDay = await runCli(['keys', 'create', '--app', 'acme-app', '--expires', '2028-02-29', '--json'], env());
    expect(leapDay.code, leapDay.stderr).toBe(0);
    expect((await t.db.apiKey.findFirstOrThrow()).expiresAt?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('names the line and column of a YAML mistake', async () => {
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(file, 'apis:\n  - slug: weather\n    name: [Weather\n');
    const result = await runCli(['apply', '-f', file], env());
    expect(result.code).toBe(1);
    // The unclosed flow sequence opens at line 3, column 11 and is found where the input ends.
    expect(result.stderr.trim()).toMatch(/^tollgate: .*broken\.yaml:[34]:\d+: invalid YAML: Flow sequence/);
  });

  it('prints its version', async () => {
    const result = await runCli(['--version'], env());
    expect(result).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('exits 2 for a command line it cannot understand, 1 for a failure', async () => {
    for (const args of [['nosuch'], ['usage', '--nosuch'], ['keys', 'create']]) {
      const result = await runCli(args, env());
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(/^tollgate: /);
    }
  });

  it('with --json, every error is problem+json on stderr and stdout stays empty', async () => {
    const usage = await runCli(['usage', '--from', '2027-02-30', '--json'], env());
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(JSON.parse(usage.stderr)).toMatchObject({ type: expect.any(String), title: 'Bad request', status: 400, code: 'bad_request', detail: expect.stringContaining('2027-02-30') });
    const unknownOption = await runCli(['keys', 'list', '--app', 'acme-app', '--nosuch', '--json'], env());
    expect(unknownOption.code).toBe(2);
    expect(JSON.parse(unknownOption.stderr)).toMatchObject({ status: 400, detail: "unknown option '--nosuch'" });
    const failure = await runCli(['keys', 'revoke', '00000000-0000-4000-8000-000000000000', '--json'], env());
    expect(failure.code).toBe(1);
    expect(failure.stdout).toBe('');
    expect(JSON.parse(failure.stderr)).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('answers 404 for an app slug that names nothing, in every command that takes one', async () => {
    // usage --app, keys list --app and quota have tests of their own beside their commands.
    for (const args of [
      ['statements', 'list', '--app', 'nosuch', '--json'],
      ['statements', 'export', '--app', 'nosuch', '--format', 'json'],
      ['usage', '--api', 'nosuch', '--json'],
      ['webhooks', 'create', '--url', 'http://127.0.0.1:9/hook', '--team', 'nosuch', '--json'],
    ]) {
      const result = await runCli(args, { ...env(), TOLLGATE_ALLOW_INSECURE_WEBHOOKS: '1' });
      expect(result.code, `${args.join(' ')}: ${result.stdout}${result.stderr}`).toBe(1);
      expect(result.stdout).toBe('');
      expect(JSON.parse(result.stderr), args.join(' ')).toMatchObject({ status: 404, code: 'not_found' });
    }
  });
});
