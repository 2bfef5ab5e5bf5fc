import { z } from 'zod';
import { ZApi, ZSlug, ZUpstream } from '../config/config-file.schema';

export const ZApiVisibility = z.enum(['public', 'private', 'partner']);
export const ZApiStatus = z.enum(['draft', 'published', 'deprecated', 'retired']);
export type TApiStatus = z.infer<typeof ZApiStatus>;

/** Lifecycle: draft -> published -> deprecated -> retired; a deprecation may be withdrawn. */
export const API_TRANSITIONS: Readonly<Record<TApiStatus, readonly TApiStatus[]>> = {
  draft: ['published', 'retired'],
  published: ['deprecated'],
  deprecated: ['published', 'retired'],
  retired: [],
};

const apiFields = ZApi.pick({ slug: true, name: true, description: true, tags: true, version: true, basePath: true, hosts: true }).shape;

export const ZCreateApiRequest = z.strictObject({
  ...apiFields,
  visibility: ZApiVisibility.default('public'),
  status: ZApiStatus.default('draft'),
  sunsetAt: z.iso.datetime({ offset: true }).optional(),
  upstream: ZUpstream.pick({ targets: true, loadBalancing: true }).optional(),
});
export type TCreateApiRequest = z.infer<typeof ZCreateApiRequest>;

export const ZUpdateApiRequest = z.strictObject({
  slug: apiFields.slug.optional(),
  name: apiFields.name.optional(),
  description: z.string().max(5000).optional(),
  tags: apiFields.tags.unwrap().optional(),
  version: z.string().max(50).optional(),
  basePath: apiFields.basePath.optional(),
  hosts: apiFields.hosts.unwrap().optional(),
  visibility: ZApiVisibility.optional(),
  status: ZApiStatus.optional(),
  sunsetAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type TUpdateApiRequest = z.infer<typeof ZUpdateApiRequest>;

export const ZApiSlugParams = z.strictObject({ slug: ZSlug });

export const ZApiResource = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  version: z.string(),
  basePath: z.string(),
  hosts: z.array(z.string()),
  visibility: ZApiVisibility,
  status: ZApiStatus,
  sunsetAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TApiResource = z.infer<typeof ZApiResource>;
