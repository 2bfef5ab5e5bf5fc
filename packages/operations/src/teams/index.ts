export { createTeam } from './create-team';
export { updateTeam } from './update-team';
export { deleteTeam } from './delete-team';
export { getTeam } from './get-team';
export { listTeams } from './list-teams';
export { findTeamOrThrow } from './find-team-or-throw';
