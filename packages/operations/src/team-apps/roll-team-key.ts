import { ZRollTeamKeyRequest, type TRolledTeamKey } from '@tollgate/contracts';
import { rotateApiKeyInTransaction } from '@tollgate/db';
import { defineOperation } from '../core/define-operation';
import { KEY_INCLUDE } from '../keys/to-key-resource';
import { findTeamKeyOrThrow } from './find-team-records';
import { toTeamKey } from './to-team-records';

const DAY_SECONDS = 86_400;

/**
 * Replaces one of the caller's keys with a new one (same app, name, scopes and environment;
 * rotatedFromId names the old). The old keeps working until now + grace (its expiresAt), so
 * deployments can move over; the gateways learn both within a second.
 */
export const rollTeamKey = defineOperation({
  name: 'team_keys.roll',
  role: 'developer',
  input: ZRollTeamKeyRequest,
  audit: { resourceType: 'key' },
  async run(tx, input, ctx): Promise<TRolledTeamKey> {
    const old = await findTeamKeyOrThrow(tx, ctx.principal, input.id, { forUpdate: true });
    // Bumps the config revision itself, in this transaction.
    const rolled = await rotateApiKeyInTransaction(tx, { id: old.id, graceSeconds: input.graceDays * DAY_SECONDS });
    const [oldRow, newRow] = [
      await tx.apiKey.findUniqueOrThrow({ where: { id: old.id }, include: KEY_INCLUDE }),
      await tx.apiKey.findUniqueOrThrow({ where: { id: rolled.id }, include: KEY_INCLUDE }),
    ];
    const now = new Date();
    const created = toTeamKey(newRow, now);
    ctx.audit({ resourceId: old.id, before: toTeamKey(old, now), after: toTeamKey(oldRow, now) });
    ctx.audit({ action: 'team_keys.create', resourceId: newRow.id, after: created });
    return { key: { ...created, key: rolled.key }, oldKeyExpiresAt: rolled.oldKeyExpiresAt };
  },
});
