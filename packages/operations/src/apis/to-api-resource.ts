import type { TApiResource } from '@tollgate/contracts';
import type { Api } from '@tollgate/db';

export function toApiResource(row: Api): TApiResource {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    tags: row.tags,
    version: row.version,
    basePath: row.basePath,
    hosts: row.hosts,
    visibility: row.visibility,
    status: row.status,
    sunsetAt: row.sunsetAt ? row.sunsetAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
