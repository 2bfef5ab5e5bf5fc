import { ZSlug, ZUpdateUpstreamRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { findApiOrThrow } from '../apis/find-api-or-throw';

/** Replaces an API's targets and balancing (creating its upstream if it has none); other upstream settings stay. */
export const updateUpstream = defineOperation({
  name: 'upstreams.update',
  role: 'admin',
  input: ZUpdateUpstreamRequest.extend({ apiSlug: ZSlug }),
  audit: { resourceType: 'upstream' },
  async run(tx, { apiSlug, targets, loadBalancing }, ctx) {
    const api = await findApiOrThrow(tx, apiSlug, { forUpdate: true });
    const current = await tx.upstream.findUnique({ where: { apiId: api.id }, include: { targets: { orderBy: { url: 'asc' } } } });
    const mode = loadBalancing.replaceAll('-', '_') as 'round_robin' | 'weighted' | 'least_connections';
    const row = await tx.upstream.upsert({ where: { apiId: api.id }, create: { apiId: api.id, loadBalancing: mode }, update: { loadBalancing: mode } });
    await tx.upstreamTarget.deleteMany({ where: { upstreamId: row.id } });
    await tx.upstreamTarget.createMany({ data: targets.map((target) => ({ upstreamId: row.id, url: target.url, weight: target.weight })) });
    const before = current ? { api: api.slug, loadBalancing: current.loadBalancing.replaceAll('_', '-'), targets: current.targets.map((target) => ({ url: target.url, weight: target.weight })) } : undefined;
    const after = { api: api.slug, loadBalancing, targets: targets.map((target) => ({ url: target.url, weight: target.weight })) };
    ctx.configChanged('api', api.id, api.slug);
    ctx.audit({ resourceId: row.id, before, after });
    return after;
  },
});
