import { TollgateError } from '@tollgate/errors';
import type { Db } from '../client/create-db';
import { bumpConfigRevision } from '../config/bump-config-revision';

/** Revokes a key at once; revoking twice is harmless. */
export async function revokeApiKey(db: Db, id: string): Promise<{ id: string; prefix: string; revokedAt: Date }> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new TollgateError('not_found', { detail: `no key with id "${id}"` });
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id } });
    if (!key) throw new TollgateError('not_found', { detail: `no key with id "${id}"` });
    if (key.revokedAt) return { id, prefix: key.prefix, revokedAt: key.revokedAt };
    const revoked = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await bumpConfigRevision(tx, [{ action: 'update', kind: 'key', name: `${key.prefix}… revoked`, id }]);
    return { id, prefix: key.prefix, revokedAt: revoked.revokedAt! };
  });
}
