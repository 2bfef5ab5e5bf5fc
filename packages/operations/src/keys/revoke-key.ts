import { ZKeyIdParams } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { findKeyOrThrow } from './find-key-or-throw';
import { KEY_INCLUDE, toKeyResource } from './to-key-resource';

/**
 * Revokes a key at once: the revision names the key, so gateways patch their key table
 * instead of reloading everything, and refuse it within a second. Revoking twice is harmless.
 */
export const revokeKey = defineOperation({
  name: 'keys.revoke',
  role: 'admin',
  input: ZKeyIdParams,
  audit: { resourceType: 'key' },
  async run(tx, input, ctx) {
    const current = await findKeyOrThrow(tx, input.id, { forUpdate: true });
    const before = toKeyResource(current);
    ctx.checkIfMatch(before);
    if (current.revokedAt) {
      ctx.audit({ resourceId: current.id, before, after: before });
      return before;
    }
    const [row] = await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
    const revoked = await tx.apiKey.update({ where: { id: current.id }, data: { revokedAt: row!.now }, include: KEY_INCLUDE });
    const after = toKeyResource(revoked);
    ctx.configChanged('key', current.id, `${current.prefix}… revoked`);
    ctx.audit({ resourceId: current.id, before, after });
    return after;
  },
});
