import { randomBytes } from 'node:crypto';
import { hashApiKey } from '@tollgate/domain';

export const ADMIN_TOKEN_PREFIX = 'tga_';

/** `tga_` and 256 random bits; only the SHA-256 hash and a display prefix are stored. */
export function generateAdminTokenSecret(): { token: string; hash: string; prefix: string } {
  const token = ADMIN_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashAdminToken(token), prefix: token.slice(0, ADMIN_TOKEN_PREFIX.length + 6) };
}

export function hashAdminToken(token: string): string {
  return hashApiKey(token);
}
