import { generateApiKey } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import type { Db } from '../client/create-db';
import type { Prisma } from '../generated/prisma/client';
import { bumpConfigRevision } from '../config/bump-config-revision';

/** The longest an old key may keep working after it was rotated. */
export const MAX_ROTATION_GRACE_SECONDS = 7 * 24 * 3600;

export interface RotateApiKeyInput {
  id: string;
  /** How long the old key keeps working, 0 to 7 days; 0 ends it at once. */
  graceSeconds: number;
}

export interface RotatedApiKey {
  /** The new key's id. */
  id: string;
  /** The new key: shown once, never stored. */
  key: string;
  prefix: string;
  /** When the old key stops working (ISO). */
  oldKeyExpiresAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Replaces a key with a new one for the same app, name and scopes. The old key keeps
 * working for the grace period and then expires by itself (never later than its own
 * expiry); the new key keeps the old key's expiry when that is still ahead.
 */
export async function rotateApiKey(db: Db, input: RotateApiKeyInput): Promise<RotatedApiKey> {
  return db.$transaction((tx) => rotateApiKeyInTransaction(tx, input));
}

/** rotateApiKey inside the caller's transaction (its revision bump included), for a write that also audits. */
export async function rotateApiKeyInTransaction(tx: Prisma.TransactionClient, input: RotateApiKeyInput): Promise<RotatedApiKey> {
  const grace = input.graceSeconds;
  if (!Number.isInteger(grace) || grace < 0 || grace > MAX_ROTATION_GRACE_SECONDS) {
    throw new TollgateError('invalid_params', {
      detail: `graceSeconds must be a whole number from 0 to ${MAX_ROTATION_GRACE_SECONDS} (7 days)`,
      invalidParams: [{ name: 'graceSeconds', reason: 'must be 0 to 604800' }],
    });
  }
  if (!UUID.test(input.id)) throw new TollgateError('not_found', { detail: `no key with id "${input.id}"` });
  const old = await tx.apiKey.findUnique({ where: { id: input.id } });
  if (!old) throw new TollgateError('not_found', { detail: `no key with id "${input.id}"` });
  if (old.revokedAt) throw new TollgateError('conflict', { detail: `key ${old.prefix}… is revoked; create a new key instead` });
  const now = Date.now();
  const graceEnd = new Date(now + grace * 1000);
  const oldExpiresAt = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
  const generated = generateApiKey(old.environment);
  const created = await tx.apiKey.create({
    data: {
      appId: old.appId,
      name: old.name,
      environment: old.environment,
      prefix: generated.prefix,
      hash: generated.hash,
      scopes: old.scopes,
      expiresAt: old.expiresAt && old.expiresAt.getTime() > now ? old.expiresAt : null,
      rotatedFromId: old.id,
    },
  });
  await tx.apiKey.update({ where: { id: old.id }, data: { expiresAt: oldExpiresAt } });
  await bumpConfigRevision(tx, [
    { action: 'create', kind: 'key', name: `${generated.prefix}… (rotated from ${old.prefix}…)`, id: created.id },
    { action: 'update', kind: 'key', name: `${old.prefix}… expires ${oldExpiresAt.toISOString()}`, id: old.id },
  ]);
  return { id: created.id, key: generated.key, prefix: generated.prefix, oldKeyExpiresAt: oldExpiresAt.toISOString() };
}
