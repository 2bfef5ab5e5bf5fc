import { ZLeaveTeamRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { requireTeamMember } from '../core/team-scope';
import { keepAnOwner } from './last-owner';

/** A member leaves a team; the last owner cannot. */
export const leaveTeam = defineOperation({
  name: 'accounts.leave_team',
  role: 'developer',
  input: ZLeaveTeamRequest,
  audit: { resourceType: 'team' },
  async run(tx, input, ctx): Promise<{ teamId: string }> {
    const role = await requireTeamMember(tx, ctx.principal, input.teamId, 'team');
    if (role === 'owner') await keepAnOwner(tx, input.teamId, ctx.principal.id);
    await tx.teamMember.delete({ where: { teamId_userId: { teamId: input.teamId, userId: ctx.principal.id } } });
    ctx.audit({ resourceId: input.teamId, before: { userId: ctx.principal.id, role } });
    return { teamId: input.teamId };
  },
});
