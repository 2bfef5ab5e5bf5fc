export { createApiKey, type CreateApiKeyInput, type CreatedApiKey } from './create-api-key';
export { revokeApiKey } from './revoke-api-key';
