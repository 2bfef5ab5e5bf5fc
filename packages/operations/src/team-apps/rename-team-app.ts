import { ZRenameTeamAppRequest } from '@tollgate/contracts';
import { updateApp } from '../apps/update-app';
import { defineOperation } from '../core/define-operation';
import { findTeamAppOrThrow } from './find-team-records';

/** Renames one of the caller's apps (and changes its description); its slug stays, so URLs and usage keep their name. */
export const renameTeamApp = defineOperation({
  name: 'team_apps.rename',
  role: 'developer',
  input: ZRenameTeamAppRequest,
  audit: { resourceType: 'app' },
  async run(tx, { app, ...changes }, ctx) {
    await findTeamAppOrThrow(tx, ctx.principal, app);
    return updateApp.run(tx, { appSlug: app, ...changes }, ctx);
  },
});
