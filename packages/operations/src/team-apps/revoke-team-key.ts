import { ZTeamRecordId, type TTeamKey } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { revokeKey } from '../keys/revoke-key';
import { KEY_INCLUDE } from '../keys/to-key-resource';
import { findTeamKeyOrThrow } from './find-team-records';
import { toTeamKey } from './to-team-records';

/** Revokes one of the caller's keys at once: gateways refuse it within a second. Revoking twice is harmless. */
export const revokeTeamKey = defineOperation({
  name: 'team_keys.revoke',
  role: 'developer',
  input: ZTeamRecordId,
  audit: { resourceType: 'key' },
  async run(tx, input, ctx): Promise<TTeamKey> {
    await findTeamKeyOrThrow(tx, ctx.principal, input.id);
    await revokeKey.run(tx, input, ctx);
    return toTeamKey(await tx.apiKey.findUniqueOrThrow({ where: { id: input.id }, include: KEY_INCLUDE }));
  },
});
