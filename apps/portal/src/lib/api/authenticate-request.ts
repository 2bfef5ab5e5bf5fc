import { createHash, timingSafeEqual } from 'node:crypto';
import type { Db } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import { BOOTSTRAP_PRINCIPAL, authenticateAdminToken, type Principal } from '@tollgate/operations';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The principal behind `Authorization: Bearer …`: ADMIN_TOKEN acts as the bootstrap owner,
 * any other token is a personal admin token looked up by its hash.
 */
export async function authenticateRequest(db: Db, request: Request, adminToken: string | undefined): Promise<Principal> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new TollgateError('missing_credentials', { detail: 'Send an admin token as `Authorization: Bearer <token>`.' });
  const token = match[1]!;
  if (adminToken && timingSafeEqual(digest(token), digest(adminToken))) return BOOTSTRAP_PRINCIPAL;
  return authenticateAdminToken(db, token);
}

/** The client address for the audit log: the hop the nearest proxy (or Next's own server) appended. */
export function clientAddress(request: Request): string | undefined {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? request.headers.get('x-real-ip') ?? undefined;
}
