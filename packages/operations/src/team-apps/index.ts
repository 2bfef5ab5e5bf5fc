// The developer portal's apps, subscriptions, keys and notifications: every operation is scoped
// to the caller's teams (RFC 0010) and reuses the admin writes once that check has passed.
export { listTeamApps } from './list-team-apps';
export { getTeamApp } from './get-team-app';
export { listSubscribableApis } from './list-subscribable-apis';
export { createTeamApp } from './create-team-app';
export { renameTeamApp } from './rename-team-app';
export { deleteTeamApp } from './delete-team-app';
export { subscribeTeamApp } from './subscribe-team-app';
export { cancelTeamSubscription } from './cancel-team-subscription';
export { createTeamKey } from './create-team-key';
export { rollTeamKey } from './roll-team-key';
export { revokeTeamKey } from './revoke-team-key';
export { listTeamNotifications } from './list-team-notifications';
export { markNotificationsRead } from './mark-notifications-read';
