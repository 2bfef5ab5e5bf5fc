import { PUBLIC_PRINCIPAL, redeemSignInLink, runOperation, signUp } from '@tollgate/operations';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const route = () => import('./route');
let slug = '';

beforeAll(async () => {
  const dev = await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Partner Dev', email: 'dev@partner.example', password: 'violet-harbour-lantern' });
  await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Outsider', email: 'out@elsewhere.example', password: 'violet-harbour-lantern' });
  slug = (await t.db.team.findUniqueOrThrow({ where: { id: dev.team.id } })).slug;
});

const path = () => `/api/admin/v1/teams/${slug}/sign-in-links`;

describe('POST /api/admin/v1/teams/{slug}/sign-in-links', () => {
  it('answers 201 with an absolute one-time URL on the portal and its expiry, and audits the mint', async () => {
    const before = Date.now();
    const response = await call((await route()).POST, 'POST', path(), { token: tokens.admin, params: { slug }, body: { email: 'dev@partner.example', ttlSeconds: 300, redirectTo: '/apps' } });
    expect(response.status).toBe(201);
    const body = await json<{ url: string; expires_at: string }>(response);
    const url = new URL(body.url);
    expect(url.origin).toBe('http://portal.test');
    expect(url.pathname).toBe('/signin/link');
    expect(url.searchParams.get('next')).toBe('/apps');
    const expiresAt = Date.parse(body.expires_at);
    expect(expiresAt - before).toBeGreaterThan(299_000);
    expect(expiresAt - before).toBeLessThanOrEqual(301_000);

    const token = url.searchParams.get('token')!;
    const stored = await t.db.oneTimeToken.findFirstOrThrow({ where: { purpose: 'sign_in_link' } });
    expect(stored.hash).not.toBe(token);
    expect(await runOperation(t.db, PUBLIC_PRINCIPAL, redeemSignInLink, { token })).toMatchObject({ email: 'dev@partner.example', role: 'developer' });
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, redeemSignInLink, { token })).rejects.toMatchObject({ code: 'invalid_token', extensions: { link: 'used' } });

    const audit = await t.db.auditLog.findMany({ where: { action: 'teams.create_sign_in_link' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorLabel: 'test admin', resourceType: 'team' });
    expect(JSON.stringify([audit[0]!.before, audit[0]!.after])).not.toContain(token);
  });

  it('refuses a non-member, a long lifetime and a redirect off the portal, naming the field', async () => {
    const { POST } = await route();
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'out@elsewhere.example' }, 'email'],
      [{ email: 'nobody@elsewhere.example' }, 'email'],
      [{ email: 'dev@partner.example', ttlSeconds: 901 }, 'ttlSeconds'],
      [{ email: 'dev@partner.example', redirectTo: 'https://evil.example/apps' }, 'redirectTo'],
      [{ email: 'dev@partner.example', redirectTo: '//evil.example/apps' }, 'redirectTo'],
    ];
    for (const [body, field] of cases) {
      const response = await call(POST, 'POST', path(), { token: tokens.admin, params: { slug }, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await json(response)).toMatchObject({ code: 'invalid_params', invalid_params: [{ name: field }] });
    }
    expect(await t.db.oneTimeToken.count({ where: { purpose: 'sign_in_link', usedAt: null } })).toBe(0);
  });

  it('is closed to strangers and viewers, and 404 for an unknown team', async () => {
    await expectRouteGuards(
      { module: await route(), path: path(), params: { slug }, body: { email: 'dev@partner.example' }, missing: { path: '/api/admin/v1/teams/ghost/sign-in-links', params: { slug: 'ghost' } } },
      tokens,
    );
  });
});
