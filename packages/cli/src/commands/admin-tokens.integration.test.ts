import { useTestDatabase } from '@tollgate/db/testing';
import { hashApiKey } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/support/run-cli';

const t = useTestDatabase();

describe('tollgate admin-tokens', () => {
  it('create --json prints {"id","token"} once, stores the hash, and audits the cli as the actor; list and revoke follow', async () => {
    const created = await runCli(['admin-tokens', 'create', '--name', 'deploy', '--role', 'viewer', '--json'], { DATABASE_URL: t.url });
    expect(created.code, created.stderr).toBe(0);
    const body = JSON.parse(created.stdout) as { id: string; token: string };
    expect(Object.keys(body).sort()).toEqual(['id', 'token']);
    const row = await t.db.adminToken.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ name: 'deploy', role: 'viewer', hash: hashApiKey(body.token), revokedAt: null });
    expect(await t.db.auditLog.findFirst({ where: { resourceId: body.id } })).toMatchObject({ actorType: 'cli', actorLabel: 'cli', action: 'admin_tokens.create' });

    const listed = await runCli(['admin-tokens', 'list', '--json'], { DATABASE_URL: t.url });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain(body.token);
    expect(listed.stdout).not.toContain(row.hash);

    const revoked = await runCli(['admin-tokens', 'revoke', body.id, '--json'], { DATABASE_URL: t.url });
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await t.db.adminToken.findUniqueOrThrow({ where: { id: body.id } })).revokedAt).not.toBeNull();
  }, 120_000);

  it('a bad role is a problem+json naming the field', async () => {
    const bad = await runCli(['admin-tokens', 'create', '--name', 'x', '--role', 'developer', '--json'], { DATABASE_URL: t.url });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr)).toMatchObject({ status: 400, code: 'invalid_params', invalid_params: [{ name: 'role' }] });
  }, 120_000);
});
