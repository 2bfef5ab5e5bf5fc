import { ZSlug, ZUpdateTeamRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { checkTeamSlug, findTeamOrThrow } from './find-team-or-throw';
import { toTeamResource } from './to-team-resource';

/** Changes the fields given; `teamSlug` names the team (the path), `slug` renames it. */
export const updateTeam = defineOperation({
  name: 'teams.update',
  role: 'admin',
  input: ZUpdateTeamRequest.extend({ teamSlug: ZSlug }),
  audit: { resourceType: 'team' },
  async run(tx, { teamSlug, ...changes }, ctx) {
    const current = await findTeamOrThrow(tx, teamSlug, { forUpdate: true });
    const before = toTeamResource(current);
    ctx.checkIfMatch(before);
    if (changes.slug !== undefined && changes.slug !== current.slug) await checkTeamSlug(tx, changes.slug);
    const after = toTeamResource(await tx.team.update({ where: { id: current.id }, data: changes }));
    ctx.audit({ resourceId: current.id, before, after });
    return after;
  },
});
