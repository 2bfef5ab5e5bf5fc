import { ZAcceptInviteRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { findLinkToken, linkProblem } from './link-token';

export interface InviteView {
  email: string;
  role: 'owner' | 'member';
  team: { name: string; partner: boolean } | null;
  /** Why the invite cannot be used (expired, used, unknown); null while it works. */
  problem: string | null;
}

/** What an invite link offers, read without using it: the landing page shows it before anyone signs in. */
export const getInvite = defineOperation({
  name: 'accounts.get_invite',
  role: 'developer',
  input: ZAcceptInviteRequest,
  async run(tx, input): Promise<InviteView> {
    const invite = await findLinkToken(tx, 'team_invite', input.token);
    const team = invite?.teamId ? await tx.team.findUnique({ where: { id: invite.teamId }, select: { name: true, partner: true } }) : null;
    const problem = linkProblem(invite) ?? (team ? null : 'The team of this invite no longer exists.');
    return { email: invite?.email ?? '', role: invite?.teamRole ?? 'member', team, problem };
  },
});
