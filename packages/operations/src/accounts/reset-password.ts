import { PASSWORD_IS_EMAIL, passwordRepeatsEmail, ZResetPasswordRequest } from '@tollgate/contracts';
import { hashPassword } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { consumeLinkToken, retireLinkTokens } from './link-token';

/**
 * A new password from a reset link. The link also proves the address, so an unverified account
 * becomes verified; every other open reset link of the account stops working.
 */
export const resetPassword = defineOperation({
  name: 'accounts.reset_password',
  role: 'developer',
  input: ZResetPasswordRequest,
  audit: { resourceType: 'user' },
  async run(tx, input, ctx): Promise<{ email: string }> {
    const link = await consumeLinkToken(tx, 'reset_password', input.token);
    const user = await tx.user.findUniqueOrThrow({ where: { id: link.userId! } });
    if (passwordRepeatsEmail(input.password, user.email)) {
      throw new TollgateError('invalid_params', { detail: 'The password is not allowed.', invalidParams: [{ name: 'password', reason: PASSWORD_IS_EMAIL }] });
    }
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password), emailVerifiedAt: user.emailVerifiedAt ?? new Date() } });
    await retireLinkTokens(tx, 'reset_password', user.id);
    ctx.audit({ resourceId: user.id, after: { email: user.email, passwordChanged: true } });
    return { email: user.email };
  },
});
