import { ZEmailOnlyRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { awaitsEmailVerification, findAccountByEmail } from './find-account';
import { issueLinkToken, LINK_LIFETIME_MS, retireLinkTokens, type IssuedLink } from './link-token';

/**
 * "Send the link again": a fresh verification link (older ones stop working) for a self-signed-up
 * address that is not verified yet; for any other address nothing is issued, and the caller
 * answers the same either way.
 */
export const resendVerification = defineOperation({
  name: 'accounts.resend_verification',
  role: 'developer',
  input: ZEmailOnlyRequest,
  audit: { resourceType: 'user' },
  async run(tx, input, ctx): Promise<{ email: string; link: IssuedLink | null }> {
    const user = await findAccountByEmail(tx, input.email);
    if (!user || !(await awaitsEmailVerification(tx, user))) {
      ctx.audit({ resourceId: null, after: { email: input.email, issued: false } });
      return { email: input.email, link: null };
    }
    await retireLinkTokens(tx, 'verify_email', user.id);
    const link = await issueLinkToken(tx, { purpose: 'verify_email', email: user.email, userId: user.id, lifetimeMs: LINK_LIFETIME_MS.verify_email });
    ctx.audit({ resourceId: user.id, after: { email: user.email, issued: true } });
    return { email: user.email, link };
  },
});
