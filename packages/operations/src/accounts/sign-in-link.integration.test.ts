import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { developerPrincipal, PUBLIC_PRINCIPAL, type Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createSignInLink, leaveTeam, redeemSignInLink, signUp } from './index';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000a', label: 'ci', role: 'admin' };
const viewer: Principal = { ...admin, role: 'viewer' };

describe('admin-minted sign-in links', () => {
  it('mints a link for a member of the team that signs them in exactly once', async () => {
    const dev = await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Partner Dev', email: 'dev@partner.example', password: 'violet-harbour-lantern' });
    const slug = (await t.db.team.findUniqueOrThrow({ where: { id: dev.team.id } })).slug;
    await expect(runOperation(t.db, viewer, createSignInLink, { team: slug, email: 'dev@partner.example' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runOperation(t.db, admin, createSignInLink, { team: slug, email: 'dev@partner.example', ttlSeconds: 901 })).rejects.toMatchObject({ invalidParams: [{ name: 'ttlSeconds' }] });
    await expect(runOperation(t.db, admin, createSignInLink, { team: slug, email: 'dev@partner.example', redirectTo: 'https://evil.example/' })).rejects.toMatchObject({ invalidParams: [{ name: 'redirectTo' }] });
    await expect(runOperation(t.db, admin, createSignInLink, { team: slug, email: 'dev@partner.example', redirectTo: '//evil.example/' })).rejects.toMatchObject({ invalidParams: [{ name: 'redirectTo' }] });
    await expect(runOperation(t.db, admin, createSignInLink, { team: 'ghost', email: 'dev@partner.example' })).rejects.toMatchObject({ code: 'not_found' });

    const link = await runOperation(t.db, admin, createSignInLink, { team: slug, email: 'DEV@partner.example', ttlSeconds: 120, redirectTo: '/usage' });
    expect(link.redirectTo).toBe('/usage');
    expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(120_000);
    expect(await runOperation(t.db, PUBLIC_PRINCIPAL, redeemSignInLink, { token: link.token })).toEqual({ id: dev.userId, email: 'dev@partner.example', name: 'Partner Dev', role: 'developer' });
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, redeemSignInLink, { token: link.token })).rejects.toMatchObject({ code: 'invalid_token', detail: expect.stringContaining('already used') });

    const expired = await runOperation(t.db, admin, createSignInLink, { team: slug, email: 'dev@partner.example' });
    await t.db.oneTimeToken.updateMany({ where: { purpose: 'sign_in_link', usedAt: null }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, redeemSignInLink, { token: expired.token })).rejects.toMatchObject({ detail: expect.stringContaining('expired') });

    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'teams.create_sign_in_link' } });
    expect(audit).toMatchObject({ actorType: 'token', resourceType: 'team', resourceId: dev.team.id });
    expect(JSON.stringify(audit.after)).not.toContain(link.token);
  });

  it('refuses a person outside the team, an admin account, and a link whose person left', async () => {
    const a = await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Alpha', email: 'alpha@example.com', password: 'violet-harbour-lantern' });
    await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Beta', email: 'beta@example.com', password: 'violet-harbour-lantern' });
    const slug = (await t.db.team.findUniqueOrThrow({ where: { id: a.team.id } })).slug;
    for (const email of ['beta@example.com', 'nobody@example.com']) {
      await expect(runOperation(t.db, admin, createSignInLink, { team: slug, email })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [{ name: 'email', reason: expect.stringContaining('not a member') }] });
    }
    const boss = await t.db.user.create({ data: { email: 'boss@example.com', name: 'Boss', role: 'owner', passwordHash: '' } });
    await t.db.teamMember.create({ data: { teamId: a.team.id, userId: boss.id, role: 'owner' } });
    await expect(runOperation(t.db, admin, createSignInLink, { team: slug, email: 'boss@example.com' })).rejects.toMatchObject({ invalidParams: [{ name: 'email', reason: expect.stringContaining('admin account') }] });

    const link = await runOperation(t.db, admin, createSignInLink, { team: slug, email: 'alpha@example.com' });
    await runOperation(t.db, developerPrincipal({ id: a.userId, email: 'alpha@example.com' }), leaveTeam, { teamId: a.team.id });
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, redeemSignInLink, { token: link.token })).rejects.toMatchObject({ code: 'invalid_token' });
  });
});
