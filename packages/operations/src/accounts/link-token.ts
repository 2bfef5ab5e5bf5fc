import { createHash, randomBytes } from 'node:crypto';
import type { OneTimeToken, OneTimeTokenPurpose, TeamRole } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';

const HOUR_MS = 60 * 60 * 1000;

/** How long each kind of link works. */
export const LINK_LIFETIME_MS: Readonly<Record<Exclude<OneTimeTokenPurpose, 'sign_in_link'>, number>> = {
  verify_email: 24 * HOUR_MS,
  reset_password: HOUR_MS,
  team_invite: 7 * 24 * HOUR_MS,
};

/** SHA-256 (hex) of a link's secret: all the database ever holds of it. */
export function hashLinkToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface IssuedLink {
  /** The secret for the link; answered once and never stored. */
  token: string;
  expiresAt: Date;
}

/** A new single-use link: 256 random bits, stored as their SHA-256 with purpose and expiry. */
export async function issueLinkToken(
  tx: Tx,
  link: { purpose: OneTimeTokenPurpose; email: string; userId?: string; teamId?: string; teamRole?: TeamRole; lifetimeMs: number },
): Promise<IssuedLink> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + link.lifetimeMs);
  const { lifetimeMs: _, ...fields } = link;
  await tx.oneTimeToken.create({ data: { ...fields, hash: hashLinkToken(token), expiresAt } });
  return { token, expiresAt };
}

/** The link row for this secret and purpose, whatever its state (to show who an invite is for). */
export function findLinkToken(tx: Tx, purpose: OneTimeTokenPurpose, token: string): Promise<OneTimeToken | null> {
  return tx.oneTimeToken.findFirst({ where: { hash: hashLinkToken(token), purpose } });
}

export type LinkState = 'unknown' | 'used' | 'expired';

const LINK_PROBLEMS: Readonly<Record<LinkState, string>> = {
  unknown: 'This link is not valid. Check that you copied all of it, or ask for a new one.',
  used: 'This link was already used. Each link works once; ask for a new one if you need it.',
  expired: 'This link has expired. Ask for a new one.',
};

/** Why a link cannot be used; null while it still works. */
export function linkState(row: Pick<OneTimeToken, 'usedAt' | 'expiresAt'> | null, now = new Date()): LinkState | null {
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  if (row.expiresAt <= now) return 'expired';
  return null;
}

/** Why a link cannot be used, in words a person understands; null while it still works. */
export function linkProblem(row: Pick<OneTimeToken, 'usedAt' | 'expiresAt'> | null, now = new Date()): string | null {
  const state = linkState(row, now);
  return state ? LINK_PROBLEMS[state] : null;
}

/**
 * Uses a link: one conditional update (`usedAt IS NULL AND expiresAt > now()`), so of two
 * concurrent clicks exactly one wins. A link that is unknown, used or expired is invalid_token
 * with a detail that says which, and `link` (unknown, used, expired) among its extensions.
 */
export async function consumeLinkToken(tx: Tx, purpose: OneTimeTokenPurpose, token: string): Promise<OneTimeToken> {
  const hash = hashLinkToken(token);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "one_time_tokens" SET "usedAt" = now()
    WHERE "hash" = ${hash} AND "purpose" = ${purpose}::"OneTimeTokenPurpose" AND "usedAt" IS NULL AND "expiresAt" > now()
    RETURNING "id"`;
  const row = await tx.oneTimeToken.findFirst({ where: { hash, purpose } });
  if (rows.length === 1 && row) return row;
  const state = linkState(row) ?? 'unknown';
  throw new TollgateError('invalid_token', { detail: LINK_PROBLEMS[state], extensions: { link: state } });
}

/** Spends every open link of this purpose for this user (a new password ends older reset links). */
export async function retireLinkTokens(tx: Tx, purpose: OneTimeTokenPurpose, userId: string): Promise<void> {
  await tx.oneTimeToken.updateMany({ where: { purpose, userId, usedAt: null }, data: { usedAt: new Date() } });
}
