import { ZSlug } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findAppOrThrow } from './find-app-or-throw';
import { toAppResource } from './to-app-resource';

/** Deletes an app with its keys; one with live subscriptions (pending, active, suspended) is refused: cancel them first. */
export const deleteApp = defineOperation({
  name: 'apps.delete',
  role: 'admin',
  input: z.strictObject({ slug: ZSlug }),
  audit: { resourceType: 'app' },
  async run(tx, input, ctx) {
    const current = await findAppOrThrow(tx, input.slug, { forUpdate: true });
    const before = toAppResource(current);
    ctx.checkIfMatch(before);
    const live = await tx.subscription.count({ where: { appId: current.id, status: { not: 'cancelled' } } });
    if (live > 0) throw new TollgateError('conflict', { detail: `App "${input.slug}" has ${live} subscription(s) that are not cancelled: cancel them first.` });
    await tx.app.delete({ where: { id: current.id } });
    ctx.configChanged('app', current.id, current.slug);
    ctx.audit({ resourceId: current.id, before });
    return before;
  },
});
