import { ZRemoveMemberRequest } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { requireTeamMember } from '../core/team-scope';
import { keepAnOwner } from './last-owner';

/** A team owner removes a member (another owner included, as long as one owner stays). */
export const removeMember = defineOperation({
  name: 'accounts.remove_member',
  role: 'developer',
  input: ZRemoveMemberRequest,
  audit: { resourceType: 'team' },
  async run(tx, input, ctx): Promise<{ teamId: string; userId: string }> {
    await requireTeamMember(tx, ctx.principal, input.teamId, 'team', 'owner');
    const member = await tx.teamMember.findUnique({ where: { teamId_userId: input }, include: { user: { select: { email: true } } } });
    if (!member) throw new TollgateError('not_found', { detail: 'No member with this id in the team.' });
    if (member.role === 'owner') await keepAnOwner(tx, input.teamId, input.userId);
    await tx.teamMember.delete({ where: { teamId_userId: input } });
    ctx.audit({ resourceId: input.teamId, before: { userId: input.userId, email: member.user.email, role: member.role } });
    return input;
  },
});
