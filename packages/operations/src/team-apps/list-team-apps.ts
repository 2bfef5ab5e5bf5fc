import type { TMemberTeam, TTeamAppSummary } from '@tollgate/contracts';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { TEAM_APP_SELECT, toTeamAppSummary } from './to-team-records';

/** The caller's teams (with their role) and every app of those teams, by name. */
export const listTeamApps = defineOperation({
  name: 'team_apps.list',
  role: 'developer',
  input: z.strictObject({}),
  async run(tx, _input, ctx): Promise<{ teams: TMemberTeam[]; apps: TTeamAppSummary[] }> {
    const memberships = ctx.principal.kind === 'developer'
      ? await tx.teamMember.findMany({ where: { userId: ctx.principal.id }, select: { role: true, team: { select: { id: true, slug: true, name: true, partner: true } } }, orderBy: { team: { name: 'asc' } } })
      : [];
    const apps = await tx.app.findMany({ where: { teamId: { in: memberships.map((member) => member.team.id) } }, select: TEAM_APP_SELECT, orderBy: [{ name: 'asc' }, { slug: 'asc' }] });
    return {
      teams: memberships.map(({ role, team }) => ({ slug: team.slug, name: team.name, role, partner: team.partner })),
      apps: apps.map(toTeamAppSummary),
    };
  },
});
