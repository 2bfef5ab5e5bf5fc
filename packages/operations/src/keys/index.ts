export { createKey } from './create-key';
export { revokeKey } from './revoke-key';
export { getKey } from './get-key';
export { listKeys } from './list-keys';
export { updateKey } from './update-key';
