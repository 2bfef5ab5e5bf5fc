import { ZSlug, ZUpdateApiRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { checkApiFields } from './check-api-fields';
import { findApiOrThrow } from './find-api-or-throw';
import { toApiResource } from './to-api-resource';

/** Changes the fields given; `apiSlug` names the API (the path), `slug` renames it. */
export const updateApi = defineOperation({
  name: 'apis.update',
  role: 'admin',
  input: ZUpdateApiRequest.extend({ apiSlug: ZSlug }),
  audit: { resourceType: 'api' },
  async run(tx, { apiSlug, sunsetAt, ...changes }, ctx) {
    const current = await findApiOrThrow(tx, apiSlug, { forUpdate: true });
    const before = toApiResource(current);
    ctx.checkIfMatch(before);
    const status = changes.status ?? current.status;
    // Leaving deprecation withdraws the sunset date unless one is given.
    const nextSunset = sunsetAt !== undefined ? (sunsetAt ? new Date(sunsetAt) : null) : status === 'deprecated' ? current.sunsetAt : null;
    const next = { ...current, ...changes, status, sunsetAt: nextSunset };
    await checkApiFields(tx, next, current);
    // The gateway announces Deprecation from deprecatedAt: set when deprecation starts, cleared when it is withdrawn.
    const deprecatedAt = status === 'deprecated' ? (current.status === 'deprecated' ? current.deprecatedAt : new Date()) : status === 'retired' ? current.deprecatedAt : null;
    const row = await tx.api.update({ where: { id: current.id }, data: { ...changes, sunsetAt: nextSunset, deprecatedAt } });
    const after = toApiResource(row);
    ctx.configChanged('api', row.id, row.slug);
    ctx.audit({ resourceId: row.id, before, after });
    return after;
  },
});
