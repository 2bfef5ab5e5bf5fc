import { ZTeamAppParams } from '@tollgate/contracts';
import { deleteApp } from '../apps/delete-app';
import { defineOperation } from '../core/define-operation';
import { findTeamAppOrThrow } from './find-team-records';

/** Deletes one of the caller's apps with its keys: team owners only, and only once its subscriptions are cancelled. */
export const deleteTeamApp = defineOperation({
  name: 'team_apps.delete',
  role: 'developer',
  input: ZTeamAppParams,
  audit: { resourceType: 'app' },
  async run(tx, input, ctx) {
    await findTeamAppOrThrow(tx, ctx.principal, input.app, { role: 'owner' });
    return deleteApp.run(tx, { slug: input.app }, ctx);
  },
});
