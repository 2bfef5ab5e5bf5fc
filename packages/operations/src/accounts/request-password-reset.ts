import { ZEmailOnlyRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { findAccountByEmail } from './find-account';
import { issueLinkToken, LINK_LIFETIME_MS, type IssuedLink } from './link-token';

/**
 * "Forgot password": a reset link for the account with this address, if there is one. The
 * caller's answer must not depend on `link`, so nobody learns which addresses have accounts.
 */
export const requestPasswordReset = defineOperation({
  name: 'accounts.request_password_reset',
  role: 'developer',
  input: ZEmailOnlyRequest,
  audit: { resourceType: 'user' },
  async run(tx, input, ctx): Promise<{ email: string; link: IssuedLink | null }> {
    const user = await findAccountByEmail(tx, input.email);
    if (!user) {
      ctx.audit({ resourceId: null, after: { email: input.email, issued: false } });
      return { email: input.email, link: null };
    }
    const link = await issueLinkToken(tx, { purpose: 'reset_password', email: user.email, userId: user.id, lifetimeMs: LINK_LIFETIME_MS.reset_password });
    ctx.audit({ resourceId: user.id, after: { email: user.email, issued: true } });
    return { email: user.email, link };
  },
});
