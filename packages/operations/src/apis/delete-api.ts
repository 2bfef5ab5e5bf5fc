import { ZApiSlugParams } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { findApiOrThrow } from './find-api-or-throw';
import { toApiResource } from './to-api-resource';

/** Deletes an API with its routes and upstream; one that still has subscriptions is retired instead. */
export const deleteApi = defineOperation({
  name: 'apis.delete',
  role: 'admin',
  input: ZApiSlugParams,
  audit: { resourceType: 'api' },
  async run(tx, input, ctx) {
    const current = await findApiOrThrow(tx, input.slug, { forUpdate: true });
    const before = toApiResource(current);
    ctx.checkIfMatch(before);
    const subscriptions = await tx.subscription.count({ where: { apiId: current.id } });
    if (subscriptions > 0) {
      throw new TollgateError('conflict', { detail: `API "${input.slug}" has ${subscriptions} subscription(s): retire it instead of deleting it.` });
    }
    await tx.api.delete({ where: { id: current.id } });
    ctx.configChanged('api', current.id, current.slug);
    ctx.audit({ resourceId: current.id, before });
    return before;
  },
});
