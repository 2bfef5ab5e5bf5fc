import { ZAcceptInviteRequest } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { consumeLinkToken } from './link-token';
import type { SignedInPerson } from './sign-in-external';

/** Following an admin-minted sign-in link: once, before it expires, while the person is still in the team. */
export const redeemSignInLink = defineOperation({
  name: 'accounts.redeem_sign_in_link',
  role: 'developer',
  input: ZAcceptInviteRequest,
  audit: { resourceType: 'user' },
  async run(tx, input, ctx): Promise<SignedInPerson> {
    const link = await consumeLinkToken(tx, 'sign_in_link', input.token);
    const member = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId: link.teamId!, userId: link.userId! } }, include: { user: true } });
    if (!member || member.user.role !== 'developer') throw new TollgateError('invalid_token', { detail: 'This link is not valid any more: its person left the team.' });
    const { user } = member;
    ctx.audit({ resourceId: user.id, after: { email: user.email, teamId: link.teamId } });
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  },
});
