import { z } from 'zod';
import { ZPage, ZPageQuery } from '../admin/page.schema';
import { ZRouteResource } from '../admin/route.schema';
import { ZSlug } from '../config/config-file.schema';

export const DISCOVERY_KINDS = ['shadow', 'zombie', 'undocumented-method', 'orphan'] as const;
export const ZDiscoveryKind = z.enum(DISCOVERY_KINDS);
export type TDiscoveryKind = z.infer<typeof ZDiscoveryKind>;

export const ZListDiscoveredEndpointsRequest = z.object({
  kind: ZDiscoveryKind.optional(),
  /** Ignored and promoted endpoints are left out unless asked for. */
  includeIgnored: z.boolean().default(false),
  /** A documented route is an orphan when nothing called it for this many days. */
  orphanDays: z.int().min(0).max(3650).default(30),
});
export type TListDiscoveredEndpointsRequest = z.input<typeof ZListDiscoveredEndpointsRequest>;

export const ZDiscoveredEndpoint = z.object({
  id: z.string().nullable(),
  method: z.string(),
  /** The path template. */
  path: z.string(),
  kind: ZDiscoveryKind,
  /** Why a zombie is one: "API deprecated", "API retired", "route removed" or "removed from the spec"; null otherwise. */
  reason: z.string().nullable(),
  hits: z.number(),
  host: z.string(),
  api: z.string().nullable(),
  firstSeenAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  statuses: z.record(z.string(), z.number()),
  consumers: z.number(),
  credentialsSeen: z.boolean(),
  /** Requests without any credential; on a shadow endpoint this is the flag to look at first. */
  unauthenticatedHits: z.number(),
  flags: z.array(z.enum(['unauthenticated-shadow', 'sensitive-data'])),
  /** What sampled responses looked like they held (the API samples bodies); never the data itself. */
  sensitiveData: z.array(z.enum(['email', 'card', 'token'])),
  sources: z.array(z.string()),
  blocked: z.union([z.literal(404), z.literal(410)]).nullable(),
  ignored: z.boolean(),
  promoted: z.boolean(),
});
export type TDiscoveredEndpoint = z.infer<typeof ZDiscoveredEndpoint>;

const ZEndpointId = z.uuid();

export const ZBlockDiscoveredEndpointRequest = z.object({ id: ZEndpointId, status: z.union([z.literal(404), z.literal(410)]).nullable().default(410) });
/** By id, or for an orphan (not stored until ignored) by method and path. */
export const ZIgnoreDiscoveredEndpointRequest = z
  .object({ id: ZEndpointId.optional(), method: z.string().min(1).max(16).optional(), path: z.string().startsWith('/').max(2048).optional(), ignored: z.boolean().default(true) })
  .refine((input) => input.id !== undefined || (input.method !== undefined && input.path !== undefined), { message: 'give id, or method and path', path: ['id'] });
export const ZPromoteDiscoveredEndpointRequest = z.object({
  id: ZEndpointId,
  /** The API to add the route to; defaults to the API whose base path holds the endpoint. */
  api: ZSlug.optional(),
  auth: z.enum(['none', 'key', 'jwt', 'key-or-jwt']).default('key'),
});
export const ZSplitDiscoveredEndpointRequest = z.object({ id: ZEndpointId });
export const ZMergeDiscoveredEndpointsRequest = z.object({ id: ZEndpointId, into: ZEndpointId });

/** Where an endpoint stands: `active` (neither blocked, ignored nor promoted), `blocked`, `ignored` or `promoted`. */
export const DISCOVERY_STATES = ['active', 'blocked', 'ignored', 'promoted'] as const;
export const ZDiscoveryState = z.enum(DISCOVERY_STATES);
export type TDiscoveryState = z.infer<typeof ZDiscoveryState>;

/** The filters of the inventory, as the admin API's query and the console's URL give them. */
export const ZDiscoveryFilter = z.strictObject({
  kind: ZDiscoveryKind.optional(),
  method: z
    .string()
    .regex(/^[A-Za-z]{3,10}$/, 'must be an HTTP method such as GET')
    .transform((method) => method.toUpperCase())
    .optional(),
  /** Part of the path template, any case. */
  search: z.string().trim().min(1).max(200).optional(),
  /** Without it: active and blocked endpoints (ignored and promoted ones are left out). */
  status: ZDiscoveryState.optional(),
  orphanDays: z.coerce.number().int().min(0).max(3650).default(30),
});
export type TDiscoveryFilter = z.input<typeof ZDiscoveryFilter>;

/** A page of the inventory: most hits first, then orphans. */
export const ZListDiscoveryQuery = ZPageQuery.extend(ZDiscoveryFilter.shape);
export type TListDiscoveryQuery = z.input<typeof ZListDiscoveryQuery>;

export const ZDiscoveredEndpointPage = ZPage(ZDiscoveredEndpoint);

export const ZDiscoveredEndpointParams = z.strictObject({ id: ZEndpointId });

export const ZPromoteDiscoveredEndpointResult = z.object({ api: ZSlug, route: ZRouteResource });
export const ZSplitDiscoveredEndpointResult = z.object({ template: z.string(), literals: z.array(z.string()) });
export const ZMergeDiscoveredEndpointsResult = z.object({ template: z.string(), into: z.string(), rows: z.number().int() });

/** Counts per kind and how many endpoints were first seen on each of the last `days` days (UTC). */
export const ZDiscoverySummaryQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(90).default(30),
  orphanDays: z.coerce.number().int().min(0).max(3650).default(30),
});
export const ZDiscoverySummary = z.object({
  counts: z.object({ shadow: z.number().int(), zombie: z.number().int(), 'undocumented-method': z.number().int(), orphan: z.number().int() }),
  /** One entry per day, oldest first, days without a new endpoint included. */
  newPerDay: z.array(z.object({ day: z.string(), shadow: z.number().int(), zombie: z.number().int(), 'undocumented-method': z.number().int() })),
});
export type TDiscoverySummary = z.infer<typeof ZDiscoverySummary>;

/** An uploaded access log or HAR file is refused past this size (it is streamed to disk, never held in memory). */
export const DISCOVERY_IMPORT_MAX_BYTES = 1024 ** 3;

/** The upload's query: the file's name, kept in the audit entry and the summary. */
export const ZDiscoveryImportQuery = z.strictObject({ name: z.string().trim().min(1).max(255).optional() });

/** What an import read and stored. */
export const ZDiscoveryImportResult = z.object({
  file: z.string(),
  format: z.enum(['combined', 'alb', 'jsonl', 'har']),
  /** Requests read. */
  records: z.number().int(),
  /** Lines or entries that could not be read, skipped. */
  badLines: z.number().int(),
  /** Endpoints the requests fold into. */
  templates: z.number().int(),
  /** Requests to new endpoints past the cap, not stored. */
  overflow: z.number().int(),
  /** Endpoints stored: those the catalog does not document. */
  stored: z.number().int(),
  newShadows: z.number().int(),
});
export type TDiscoveryImportResult = z.infer<typeof ZDiscoveryImportResult>;

/** Body sampling of one API: 1 in `rate` responses of calls its document does not describe; null when off. */
export const ZBodySampling = z.object({ api: ZSlug, name: z.string(), rate: z.int().min(1).max(1_000_000).nullable() });
export type TBodySampling = z.infer<typeof ZBodySampling>;
export const ZSetBodySamplingRequest = z.strictObject({ api: ZSlug, rate: z.int().min(1, 'must be at least 1 (every response)').max(1_000_000, 'must be at most 1,000,000').nullable() });
export type TSetBodySamplingRequest = z.infer<typeof ZSetBodySamplingRequest>;
