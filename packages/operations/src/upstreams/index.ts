export { getUpstream } from './get-upstream';
export { updateUpstream } from './update-upstream';
