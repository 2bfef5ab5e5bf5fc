import { z } from 'zod';
import type { TMyTeam } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { memberTeamIds } from '../core/team-scope';

/** The caller's teams with their members, owners first; owners also see the invites still open. */
export const listMyTeams = defineOperation({
  name: 'accounts.list_my_teams',
  role: 'developer',
  input: z.strictObject({}),
  async run(tx, _input, ctx): Promise<TMyTeam[]> {
    const teamIds = await memberTeamIds(tx, ctx.principal);
    const teams = await tx.team.findMany({
      where: { id: { in: teamIds } },
      orderBy: { createdAt: 'asc' },
      include: { members: { include: { user: { select: { email: true, name: true } } }, orderBy: [{ role: 'asc' }, { createdAt: 'asc' }] } },
    });
    const invites = await tx.oneTimeToken.findMany({
      where: { purpose: 'team_invite', teamId: { in: teamIds }, usedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: 'asc' },
    });
    return teams.map((team) => {
      const myRole = team.members.find((member) => member.userId === ctx.principal.id)?.role ?? 'member';
      return {
        id: team.id,
        slug: team.slug,
        name: team.name,
        partner: team.partner,
        myRole,
        members: team.members.map((member) => ({ userId: member.userId, email: member.user.email, name: member.user.name, role: member.role, joinedAt: member.createdAt.toISOString() })),
        pendingInvites:
          myRole === 'owner'
            ? invites.filter((invite) => invite.teamId === team.id).map((invite) => ({ id: invite.id, email: invite.email, role: invite.teamRole ?? 'member', expiresAt: invite.expiresAt.toISOString() }))
            : [],
      };
    });
  },
});
