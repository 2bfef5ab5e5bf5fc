import { checkUpstreamSplit, ZSlug, ZUpdateUpstreamFields, type TUpstreamSettings } from '@tollgate/contracts';
import type { Prisma } from '@tollgate/db';
import { defineOperation } from '../core/define-operation';
import { findApiOrThrow } from '../apis/find-api-or-throw';
import { checkTargetHosts } from './check-target-hosts';
import { upstreamConfig } from './get-upstream';

/** Replaces an API's targets and balancing (creating its upstream if it has none); other upstream settings stay. */
export const updateUpstream = defineOperation({
  name: 'upstreams.update',
  role: 'admin',
  input: ZUpdateUpstreamFields.extend({ apiSlug: ZSlug }).superRefine(checkUpstreamSplit),
  audit: { resourceType: 'upstream' },
  async run(tx, { apiSlug, targets, loadBalancing, split }, ctx) {
    const api = await findApiOrThrow(tx, apiSlug, { forUpdate: true });
    const current = await tx.upstream.findUnique({ where: { apiId: api.id }, include: { targets: { orderBy: { url: 'asc' } } } });
    // The same representation upstreamEtag hashes: a read's ETag matches until a write replaces it.
    if (current) ctx.checkIfMatch(upstreamConfig(current));
    const mode = loadBalancing.replaceAll('-', '_') as 'round_robin' | 'weighted' | 'least_connections';
    await checkTargetHosts(targets, (index) => `targets[${index}].url`);
    const { split: previousSplit, ...kept } = (current?.settings ?? {}) as Partial<TUpstreamSettings>;
    const settings = JSON.parse(JSON.stringify(split === undefined ? kept : { ...kept, split })) as Prisma.InputJsonValue;
    const row = await tx.upstream.upsert({ where: { apiId: api.id }, create: { apiId: api.id, loadBalancing: mode, settings }, update: { loadBalancing: mode, settings } });
    await tx.upstreamTarget.deleteMany({ where: { upstreamId: row.id } });
    await tx.upstreamTarget.createMany({ data: targets.map((target) => ({ upstreamId: row.id, url: target.url, weight: target.weight, version: target.version ?? null })) });
    const listed = (rows: readonly { url: string; weight: number; version?: string | null }[]) => rows.map((target) => ({ url: target.url, weight: target.weight, ...(target.version ? { version: target.version } : {}) }));
    const before = current ? { api: api.slug, loadBalancing: current.loadBalancing.replaceAll('_', '-'), targets: listed(current.targets), ...(previousSplit ? { split: previousSplit } : {}) } : undefined;
    const after = { api: api.slug, loadBalancing, targets: listed(targets), ...(split ? { split } : {}) };
    ctx.configChanged('api', api.id, api.slug);
    ctx.audit({ resourceId: row.id, before, after });
    return after;
  },
});
