import type { Api } from '@tollgate/db';

/** An API as the catalog shows it: what it is and where it is served, never its upstreams or policies. */
export interface CatalogApi {
  slug: string;
  name: string;
  description: string;
  tags: string[];
  version: string;
  basePath: string;
  visibility: 'public' | 'partner';
  status: 'published' | 'deprecated';
  deprecatedAt: string | null;
  sunsetAt: string | null;
}

type CatalogApiRow = Pick<Api, 'slug' | 'name' | 'description' | 'tags' | 'version' | 'basePath' | 'visibility' | 'status' | 'deprecatedAt' | 'sunsetAt'>;

export const CATALOG_API_SELECT = {
  slug: true,
  name: true,
  description: true,
  tags: true,
  version: true,
  basePath: true,
  visibility: true,
  status: true,
  deprecatedAt: true,
  sunsetAt: true,
} as const;

export function toCatalogApi(row: CatalogApiRow): CatalogApi {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    tags: [...row.tags].sort(),
    version: row.version,
    basePath: row.basePath,
    // visibleApisWhere admits only these two.
    visibility: row.visibility === 'partner' ? 'partner' : 'public',
    status: row.status === 'deprecated' ? 'deprecated' : 'published',
    deprecatedAt: row.deprecatedAt?.toISOString() ?? null,
    sunsetAt: row.sunsetAt?.toISOString() ?? null,
  };
}
