import { z } from 'zod';
import { ZBasePath, ZRoute, ZSlug, ZUpstream } from '../config/config-file.schema';
import { ZApiResource, ZApiVisibility } from './api.schema';

/** OpenAPI documents up to this size are imported, pasted, uploaded or fetched. */
export const MAX_OPENAPI_BYTES = 5 * 1024 * 1024;

/** The document itself (JSON or YAML text: pasted or read from a file), or an http(s) URL the server fetches. */
export const ZImportApiSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: z.string().trim().min(1, 'is empty').max(MAX_OPENAPI_BYTES, `must be at most ${MAX_OPENAPI_BYTES} characters`) }),
  z.strictObject({ kind: z.literal('url'), url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048) }),
]);

/**
 * Import of an OpenAPI 3.0/3.1 document: creates the API (or updates the one with this slug)
 * and a route per path and method. Fields left out come from the document: the slug and name
 * from info.title, the upstream from servers[0]; the basePath defaults to /<slug>.
 */
export const ZImportApiRequest = z.strictObject({
  source: ZImportApiSource,
  slug: ZSlug.optional(),
  name: z.string().min(1).max(200).optional(),
  description: z.string().max(5000).optional(),
  basePath: ZBasePath.optional(),
  visibility: ZApiVisibility.optional(),
  upstream: ZUpstream.pick({ targets: true, loadBalancing: true }).optional(),
  /** How the new routes authenticate (an operation with `security: []` is imported as `none`). */
  auth: ZRoute.shape.auth.unwrap().optional(),
});
export type TImportApiRequest = z.input<typeof ZImportApiRequest>;

export const ZImportApiResult = z.object({
  api: ZApiResource,
  /** True when the import created the API, false when it updated an existing one. */
  created: z.boolean(),
  /** info.version of the document. */
  version: z.string(),
  routes: z.object({ created: z.array(z.string()), existing: z.array(z.string()) }),
});
export type TImportApiResult = z.infer<typeof ZImportApiResult>;
