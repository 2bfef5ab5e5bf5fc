import { ZCreateApiRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { checkApiFields } from './check-api-fields';
import { toApiResource } from './to-api-resource';

export const createApi = defineOperation({
  name: 'apis.create',
  role: 'admin',
  input: ZCreateApiRequest,
  audit: { resourceType: 'api' },
  async run(tx, input, ctx) {
    const sunsetAt = input.sunsetAt ? new Date(input.sunsetAt) : null;
    await checkApiFields(tx, { ...input, sunsetAt });
    const row = await tx.api.create({
      data: {
        slug: input.slug,
        name: input.name,
        description: input.description,
        tags: input.tags,
        version: input.version,
        basePath: input.basePath,
        hosts: input.hosts,
        visibility: input.visibility,
        status: input.status,
        sunsetAt,
        ...(input.upstream
          ? {
              upstream: {
                create: {
                  loadBalancing: input.upstream.loadBalancing.replaceAll('-', '_') as 'round_robin' | 'weighted' | 'least_connections',
                  targets: { create: input.upstream.targets.map((target) => ({ url: target.url, weight: target.weight, version: target.version ?? null })) },
                },
              },
            }
          : {}),
      },
    });
    const api = toApiResource(row);
    ctx.configChanged('api', row.id, row.slug);
    ctx.audit({ resourceId: row.id, after: api });
    return api;
  },
});
