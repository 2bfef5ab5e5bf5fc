export { getUpstream } from './get-upstream';
export { updateUpstream } from './update-upstream';
export { checkTargetHosts, targetHostName } from './check-target-hosts';
