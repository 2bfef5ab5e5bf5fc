import { ZInviteMemberRequest } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { requireTeamMember } from '../core/team-scope';
import { issueLinkToken, LINK_LIFETIME_MS, type IssuedLink } from './link-token';

export interface InviteResult {
  team: { id: string; name: string };
  email: string;
  /** The invite link's secret, for the mail; never stored. */
  link: IssuedLink;
}

/** A team owner invites an address; following the mailed link signed in as that address joins the team. */
export const inviteMember = defineOperation({
  name: 'accounts.invite_member',
  role: 'developer',
  input: ZInviteMemberRequest,
  audit: { resourceType: 'team' },
  async run(tx, input, ctx): Promise<InviteResult> {
    await requireTeamMember(tx, ctx.principal, input.teamId, 'team', 'owner');
    const member = await tx.teamMember.findFirst({ where: { teamId: input.teamId, user: { email: { equals: input.email, mode: 'insensitive' } } } });
    if (member) throw new TollgateError('invalid_params', { detail: 'Already a member.', invalidParams: [{ name: 'email', reason: 'is already a member of this team' }] });
    const team = await tx.team.findUniqueOrThrow({ where: { id: input.teamId } });
    const link = await issueLinkToken(tx, { purpose: 'team_invite', email: input.email, teamId: team.id, teamRole: input.role, lifetimeMs: LINK_LIFETIME_MS.team_invite });
    ctx.audit({ action: 'accounts.invite_member', resourceId: team.id, after: { email: input.email, role: input.role } });
    return { team: { id: team.id, name: team.name }, email: input.email, link };
  },
});
