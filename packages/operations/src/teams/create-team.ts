import { ZCreateTeamRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { checkTeamSlug } from './find-team-or-throw';
import { toTeamResource } from './to-team-resource';

export const createTeam = defineOperation({
  name: 'teams.create',
  role: 'admin',
  input: ZCreateTeamRequest,
  audit: { resourceType: 'team' },
  async run(tx, input, ctx) {
    await checkTeamSlug(tx, input.slug);
    const team = toTeamResource(await tx.team.create({ data: input }));
    ctx.audit({ resourceId: team.id, after: team });
    return team;
  },
});
