import { ZVerifyEmailRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { consumeLinkToken } from './link-token';

/** Following the verification link: the address is proven and the person may sign in. */
export const verifyEmail = defineOperation({
  name: 'accounts.verify_email',
  role: 'developer',
  input: ZVerifyEmailRequest,
  audit: { resourceType: 'user' },
  async run(tx, input, ctx): Promise<{ email: string }> {
    const link = await consumeLinkToken(tx, 'verify_email', input.token);
    const user = await tx.user.update({ where: { id: link.userId! }, data: { emailVerifiedAt: new Date() } });
    ctx.audit({ resourceId: user.id, after: { email: user.email, emailVerified: true } });
    return { email: user.email };
  },
});
