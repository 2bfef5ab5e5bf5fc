export { createAdminToken } from './create-admin-token';
export { listAdminTokens } from './list-admin-tokens';
export { getAdminToken } from './get-admin-token';
export { revokeAdminToken } from './revoke-admin-token';
export { authenticateAdminToken } from './authenticate-admin-token';
export { ADMIN_TOKEN_PREFIX } from './admin-token-secret';
