import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { PUBLIC_PRINCIPAL } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { signUp, verifyEmail, withdrawSignUp } from './index';

const t = useTestDatabase();
const PASSWORD = 'violet-harbour-lantern';

describe('withdrawSignUp', () => {
  it('removes the unverified account, its own team and its links, so the address can sign up again', async () => {
    const made = await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Bounce', email: 'bounce@example.com', password: PASSWORD });
    await runOperation(t.db, PUBLIC_PRINCIPAL, withdrawSignUp, { token: made.verification!.token });
    expect(await t.db.user.count({ where: { email: 'bounce@example.com' } })).toBe(0);
    expect(await t.db.team.count({ where: { id: made.team.id } })).toBe(0);
    expect(await t.db.oneTimeToken.count({ where: { email: 'bounce@example.com' } })).toBe(0);
    expect(await t.db.auditLog.findFirst({ where: { action: 'accounts.withdraw_sign_up', resourceId: made.userId } })).not.toBeNull();
    const again = await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Bounce', email: 'bounce@example.com', password: PASSWORD });
    expect(again.verification).toBeDefined();
  });

  it('leaves a verified account, and anything for an unknown secret, alone', async () => {
    const made = await runOperation(t.db, PUBLIC_PRINCIPAL, signUp, { name: 'Kept', email: 'kept@example.com', password: PASSWORD });
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, withdrawSignUp, { token: 'not-a-token' })).rejects.toMatchObject({ code: 'invalid_token' });
    await runOperation(t.db, PUBLIC_PRINCIPAL, verifyEmail, { token: made.verification!.token });
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, withdrawSignUp, { token: made.verification!.token })).rejects.toMatchObject({ code: 'invalid_token' });
    expect(await t.db.user.count({ where: { email: 'kept@example.com' } })).toBe(1);
    expect(await t.db.team.count({ where: { id: made.team.id } })).toBe(1);
  });
});
