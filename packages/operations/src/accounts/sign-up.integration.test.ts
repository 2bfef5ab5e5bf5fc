import { useTestDatabase } from '@tollgate/db/testing';
import { verifyPassword } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { PUBLIC_PRINCIPAL } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { awaitsEmailVerification, requestPasswordReset, resendVerification, resetPassword, signUp, verifyEmail } from './index';

const t = useTestDatabase();
const STRONG = 'violet-harbour-lantern';

async function counts() {
  const [users, teams, tokens] = await Promise.all([t.db.user.count(), t.db.team.count(), t.db.oneTimeToken.count()]);
  return { users, teams, tokens };
}

describe('sign-up, verification and password reset', () => {
  it('signs up with a team of their own, holds sign-in until the link is followed, and the link works once', async () => {
    const result = await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Ada Lovelace', email: ' Ada@Example.com ', password: STRONG });
    const user = await t.db.user.findUniqueOrThrow({ where: { id: result.userId }, include: { memberships: { include: { team: true } } } });
    expect(user).toMatchObject({ email: 'ada@example.com', role: 'developer', emailVerifiedAt: null });
    expect(await verifyPassword(STRONG, user.passwordHash)).toBe(true);
    expect(user.memberships).toHaveLength(1);
    expect(user.memberships[0]).toMatchObject({ role: 'owner', team: { name: 'Ada Lovelace' } });
    expect(user.memberships[0]!.team.slug).toMatch(/^ada-lovelace-[0-9a-f]{8}$/);
    expect(await awaitsEmailVerification(t.db, user)).toBe(true);

    const token = result.verification!.token;
    const stored = await t.db.oneTimeToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.hash).not.toContain(token);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThan(23 * 3600_000);

    expect(await runOperation(t.db, PUBLIC_PRINCIPAL, verifyEmail, { token })).toEqual({ email: 'ada@example.com' });
    const verified = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(verified.emailVerifiedAt).not.toBeNull();
    expect(await awaitsEmailVerification(t.db, verified)).toBe(false);
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, verifyEmail, { token })).rejects.toMatchObject({ code: 'invalid_token', detail: expect.stringContaining('already used') });
    const audit = await t.db.auditLog.findMany({ orderBy: { id: 'asc' } });
    expect(audit.map((entry) => [entry.action, entry.actorLabel, entry.resourceId])).toEqual([
      ['accounts.sign_up', 'public', user.id],
      ['accounts.verify_email', 'public', user.id],
    ]);
  });

  it('refuses a weak password and a taken address on their field, writing nothing', async () => {
    await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Taken', email: 'taken@example.com', password: STRONG });
    const before = await counts();
    const cases: [Record<string, string>, string][] = [
      [{ name: 'Short', email: 'short@example.com', password: 'tiny-pass' }, 'at least 12'],
      [{ name: 'Common', email: 'common@example.com', password: 'Password1234' }, 'most common'],
      [{ name: 'Echo', email: 'echo.person@example.com', password: 'echo.person@example.com' }, 'email'],
    ];
    for (const [input, reason] of cases) {
      await expect(runOperation(t.db, PUBLIC_PRINCIPAL, signUp, input)).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [{ name: 'password', reason: expect.stringContaining(reason) }] });
    }
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Again', email: 'TAKEN@example.com', password: STRONG })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'email', reason: expect.stringContaining('already has an account') }],
    });
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Bad', email: 'not-an-address', password: STRONG })).rejects.toMatchObject({ invalidParams: [{ name: 'email' }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses an expired verification link and sends a fresh one that retires the old', async () => {
    const result = await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Late', email: 'late@example.com', password: STRONG });
    await t.db.oneTimeToken.updateMany({ where: { userId: result.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, verifyEmail, { token: result.verification!.token })).rejects.toMatchObject({ code: 'invalid_token', detail: expect.stringContaining('expired') });
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, verifyEmail, { token: 'x'.repeat(43) })).rejects.toMatchObject({ code: 'invalid_token', detail: expect.stringContaining('not valid') });

    const again = await runOperation(t.db, PUBLIC_PRINCIPAL, resendVerification, { email: 'late@example.com' });
    expect(again.link).not.toBeNull();
    expect((await runOperation(t.db, PUBLIC_PRINCIPAL, resendVerification, { email: 'nobody@example.com' })).link).toBeNull();
    await runOperation(t.db, PUBLIC_PRINCIPAL, verifyEmail, { token: again.link!.token });
    expect((await runOperation(t.db, PUBLIC_PRINCIPAL, resendVerification, { email: 'late@example.com' })).link).toBeNull();
  });

  it('resets a password once from a one-hour link, and never says whether an address has an account', async () => {
    await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Reset Me', email: 'reset@example.com', password: STRONG });
    const unknown = await runOperation(t.db, PUBLIC_PRINCIPAL, requestPasswordReset, { email: 'ghost@example.com' });
    expect(unknown).toEqual({ email: 'ghost@example.com', link: null });
    const first = await runOperation(t.db, PUBLIC_PRINCIPAL, requestPasswordReset, { email: 'Reset@Example.com' });
    const second = await runOperation(t.db, PUBLIC_PRINCIPAL, requestPasswordReset, { email: 'reset@example.com' });
    const lifetime = second.link!.expiresAt.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(59 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000);

    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, resetPassword, { token: second.link!.token, password: 'reset@example.com' })).rejects.toMatchObject({ invalidParams: [{ name: 'password' }] });
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, resetPassword, { token: second.link!.token, password: 'short' })).rejects.toMatchObject({ invalidParams: [{ name: 'password' }] });
    await runOperation(t.db, PUBLIC_PRINCIPAL, resetPassword, { token: second.link!.token, password: 'a-brand-new-passphrase' });
    const user = await t.db.user.findFirstOrThrow({ where: { email: 'reset@example.com' } });
    expect(await verifyPassword('a-brand-new-passphrase', user.passwordHash)).toBe(true);
    expect(user.emailVerifiedAt).not.toBeNull();
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, resetPassword, { token: second.link!.token, password: 'yet-another-passphrase' })).rejects.toMatchObject({ detail: expect.stringContaining('already used') });
    // The new password retired the older link as well.
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, resetPassword, { token: first.link!.token, password: 'yet-another-passphrase' })).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('lets exactly one of two concurrent clicks use a link', async () => {
    const result = await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Racer', email: 'racer@example.com', password: STRONG });
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => runOperation(t.db, PUBLIC_PRINCIPAL, verifyEmail, { token: result.verification!.token })));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
  });
});
