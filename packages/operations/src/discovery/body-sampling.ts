import { ZApiPolicies, ZSetBodySamplingRequest, type TBodySampling } from '@tollgate/contracts';
import type { Api, Prisma } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import { z } from 'zod';
import { findApiOrThrow } from '../apis/find-api-or-throw';
import { defineOperation } from '../core/define-operation';

const toBodySampling = (api: Pick<Api, 'slug' | 'name' | 'policies'>): TBodySampling => {
  const sampling = ZApiPolicies.shape.bodySampling.safeParse((api.policies as { bodySampling?: unknown } | null)?.bodySampling);
  return { api: api.slug, name: api.name, rate: sampling.success && sampling.data !== undefined ? sampling.data.rate : null };
};

/** Every API with its body sampling (off unless an admin turned it on). */
export const listBodySampling = defineOperation({
  name: 'discovery.body_sampling.list',
  role: 'viewer',
  input: z.object({}),
  async run(tx) {
    const apis = await tx.api.findMany({ select: { slug: true, name: true, policies: true }, orderBy: { slug: 'asc' } });
    return apis.map(toBodySampling);
  },
});

/**
 * Turns body sampling on for an API (1 in `rate` responses of calls its OpenAPI document
 * does not describe are looked at for sensitive-looking data) or off (`rate: null`); the
 * gateways follow within a second. Stored as the API's `bodySampling` policy.
 */
export const setBodySampling = defineOperation({
  name: 'discovery.body_sampling.set',
  role: 'admin',
  input: ZSetBodySamplingRequest,
  audit: { resourceType: 'api' },
  async run(tx, { api: slug, rate }, ctx) {
    const api = await findApiOrThrow(tx, slug, { forUpdate: true });
    const policies = ZApiPolicies.safeParse(api.policies ?? {});
    if (!policies.success) throw new TollgateError('conflict', { detail: `The policies of ${slug} do not parse; fix them with the config file first.` });
    const { bodySampling: _previous, ...rest } = api.policies as Record<string, unknown>;
    const next = rate === null ? rest : { ...rest, bodySampling: { rate } };
    const row = await tx.api.update({ where: { id: api.id }, data: { policies: next as Prisma.InputJsonValue } });
    ctx.configChanged('api', api.id, api.slug);
    ctx.audit({ resourceId: api.id, before: { bodySampling: toBodySampling(api).rate }, after: { api: slug, bodySampling: rate } });
    return toBodySampling(row);
  },
});
