export { createApiKey, type CreateApiKeyInput, type CreatedApiKey } from './create-api-key';
export { listApiKeys, type ApiKeySummary } from './list-api-keys';
export { revokeApiKey } from './revoke-api-key';
export { MAX_ROTATION_GRACE_SECONDS, rotateApiKey, rotateApiKeyInTransaction, type RotateApiKeyInput, type RotatedApiKey } from './rotate-api-key';
