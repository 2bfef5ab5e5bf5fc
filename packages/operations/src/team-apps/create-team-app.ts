import { ZCreateTeamAppRequest } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { createApp } from '../apps/create-app';
import { defineOperation } from '../core/define-operation';
import { memberTeamIds } from '../core/team-scope';

/** A new app in one of the caller's teams; a team they are not in is refused on `team` like one that does not exist. */
export const createTeamApp = defineOperation({
  name: 'team_apps.create',
  role: 'developer',
  input: ZCreateTeamAppRequest,
  audit: { resourceType: 'app' },
  async run(tx, input, ctx) {
    const team = await tx.team.findUnique({ where: { slug: input.team }, select: { id: true } });
    if (!team || !(await memberTeamIds(tx, ctx.principal)).includes(team.id)) {
      throw new TollgateError('invalid_params', { detail: `You are in no team "${input.team}".`, invalidParams: [{ name: 'team', reason: `you are in no team "${input.team}"` }] });
    }
    // The tenancy check is done: the admin write (slug check, audit) does the rest in this transaction.
    return createApp.run(tx, input, ctx);
  },
});
