import type { Db } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import type { Principal } from '../core/principal';
import { ADMIN_TOKEN_PREFIX, hashAdminToken } from './admin-token-secret';

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The principal behind a personal admin token, looked up by hash. lastUsedAt is written at
 * most once a minute per token (a conditional update), not on every request.
 */
export async function authenticateAdminToken(db: Db, token: string, now = new Date()): Promise<Principal> {
  if (!token.startsWith(ADMIN_TOKEN_PREFIX)) throw new TollgateError('invalid_token', { detail: 'The token is not valid.' });
  const row = await db.adminToken.findUnique({ where: { hash: hashAdminToken(token) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) {
    throw new TollgateError('invalid_token', { detail: 'The token is not valid, revoked or expired.' });
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.adminToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { kind: 'token', id: row.id, label: row.name, role: row.role };
}
