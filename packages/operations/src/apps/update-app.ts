import { ZSlug, ZUpdateAppRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { checkAppSlug, findAppOrThrow } from './find-app-or-throw';
import { APP_INCLUDE, toAppResource } from './to-app-resource';

/** Changes the fields given; `appSlug` names the app (the path), `slug` renames it. */
export const updateApp = defineOperation({
  name: 'apps.update',
  role: 'admin',
  input: ZUpdateAppRequest.extend({ appSlug: ZSlug }),
  audit: { resourceType: 'app' },
  async run(tx, { appSlug, ...changes }, ctx) {
    const current = await findAppOrThrow(tx, appSlug, { forUpdate: true });
    const before = toAppResource(current);
    ctx.checkIfMatch(before);
    if (changes.slug !== undefined && changes.slug !== current.slug) await checkAppSlug(tx, changes.slug);
    const after = toAppResource(await tx.app.update({ where: { id: current.id }, data: changes, include: APP_INCLUDE }));
    // Usage and logs name the app by slug: gateways pick up a rename.
    if (after.slug !== before.slug) ctx.configChanged('app', current.id, after.slug);
    ctx.audit({ resourceId: current.id, before, after });
    return after;
  },
});
