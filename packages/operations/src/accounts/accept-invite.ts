import { ZAcceptInviteRequest } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { consumeLinkToken, findLinkToken, linkProblem } from './link-token';

/** The signed-in person follows an invite sent to their own address and joins the team (once). */
export const acceptInvite = defineOperation({
  name: 'accounts.accept_invite',
  role: 'developer',
  input: ZAcceptInviteRequest,
  audit: { resourceType: 'team' },
  async run(tx, input, ctx): Promise<{ team: { id: string; slug: string; name: string } }> {
    const user = await tx.user.findUnique({ where: { id: ctx.principal.id } });
    if (!user) throw new TollgateError('unauthorized', { detail: 'Sign in first.' });
    const invite = await findLinkToken(tx, 'team_invite', input.token);
    const problem = linkProblem(invite);
    if (problem || !invite?.teamId) throw new TollgateError('invalid_token', { detail: problem ?? 'This invite is not valid.' });
    if (invite.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new TollgateError('forbidden', { detail: `This invite was sent to ${invite.email}; sign in with that address to accept it.` });
    }
    await consumeLinkToken(tx, 'team_invite', input.token);
    const team = await tx.team.findUnique({ where: { id: invite.teamId } });
    if (!team) throw new TollgateError('not_found', { detail: 'The team of this invite no longer exists.' });
    await tx.teamMember.upsert({
      where: { teamId_userId: { teamId: team.id, userId: user.id } },
      create: { teamId: team.id, userId: user.id, role: invite.teamRole ?? 'member' },
      update: {},
    });
    // Following the mailed link proves the address, as the verification link would.
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    ctx.audit({ resourceId: team.id, after: { userId: user.id, email: user.email, role: invite.teamRole ?? 'member' } });
    return { team: { id: team.id, slug: team.slug, name: team.name } };
  },
});
