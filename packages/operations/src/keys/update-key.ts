import { ZKeyIdParams, ZUpdateKeyRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { findKeyOrThrow } from './find-key-or-throw';
import { KEY_INCLUDE, toKeyResource } from './to-key-resource';

/** Marks a key's calls to be left out of the analytics charts, or brings them back; gateways are not concerned. */
export const updateKey = defineOperation({
  name: 'keys.update',
  role: 'admin',
  input: ZUpdateKeyRequest.extend(ZKeyIdParams.shape),
  audit: { resourceType: 'key' },
  async run(tx, { id, ...changes }, ctx) {
    const current = await findKeyOrThrow(tx, id, { forUpdate: true });
    const before = toKeyResource(current);
    ctx.checkIfMatch(before);
    const after = toKeyResource(await tx.apiKey.update({ where: { id: current.id }, data: changes, include: KEY_INCLUDE }));
    ctx.audit({ resourceId: current.id, before, after });
    return after;
  },
});
