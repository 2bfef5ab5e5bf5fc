// Policies stored as JSON beside APIs, routes and upstreams (apis.policies,
// routes.policies, upstreams.settings). The config file writes them; the gateway parses
// them with these same schemas when a snapshot compiles, never per request.
import { z } from 'zod';
import { ZTrafficSplit } from './traffic-split.schema';

export * from './traffic-split.schema';
import { ZRouteBackend } from './route-backend.schema';

const ms = (max: number) => z.int().min(1).max(max);

/** CIDR or single address, IPv4 or IPv6. */
export const ZIpRange = z.union([z.cidrv4(), z.cidrv6(), z.ipv4(), z.ipv6()], { error: 'must be an IP address or CIDR range' });

export const ZCorsPolicy = z.strictObject({
  /** Exact origins, or ["*"] for any (never with credentials). */
  origins: z.array(z.union([z.literal('*'), z.url({ protocol: /^https?$/ })])).min(1),
  methods: z.array(z.string().regex(/^[A-Z]+$/)).default(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']),
  headers: z.array(z.string().min(1)).default(['Authorization', 'Content-Type', 'X-Api-Key']),
  exposeHeaders: z.array(z.string().min(1)).default(['RateLimit', 'RateLimit-Policy', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After', 'X-Request-Id']),
  credentials: z.boolean().default(false),
  maxAgeSeconds: z.int().min(0).max(86_400).default(600),
}).refine((cors) => !(cors.credentials && cors.origins.includes('*')), 'credentials cannot be combined with origin "*"');

/** Response cache for GET/HEAD on one route. */
export const ZCachePolicy = z.strictObject({ ttlSeconds: z.int().min(1).max(86_400), vary: z.array(z.string().min(1)).default([]) });

/** Who may call an API by client address. */
export const ZIpRulesPolicy = z.strictObject({
  /** When set, only these client addresses may call the API. */
  ipAllow: z.array(ZIpRange).optional(),
  /** These client addresses may never call the API (checked before ipAllow). */
  ipDeny: z.array(ZIpRange).optional(),
});

export const ZApiPolicies = z.strictObject({
  cors: ZCorsPolicy.optional(),
  ...ZIpRulesPolicy.shape,
  /** Answer 503 instead of limiting per instance when the shared rate limiter is unreachable. */
  failClosed: z.boolean().default(false),
  /**
   * Plan slug whose rate limit and quota apply to keyless (`auth: none`) routes, counted
   * per client address. Unset: keyless routes are not limited.
   */
  /** Request header that selects header-based API versions (default Api-Version). */
  versionHeader: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name').optional(),
  anonymousPlan: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a plan slug').optional(),
  /**
   * Discovery looks at 1 in `rate` JSON or text responses of calls the API's OpenAPI
   * document does not describe (the first 64 KiB, after they are sent) for emails, card
   * numbers and tokens, and keeps only that it saw them. Unset: off.
   */
  bodySampling: z.strictObject({ rate: z.int().min(1).max(1_000_000) }).optional(),
});

export const ZUpstreamSettings = z.strictObject({
  timeouts: z
    .strictObject({ connectMs: ms(60_000).default(5_000), headersMs: ms(600_000).default(30_000), bodyMs: ms(600_000).default(30_000) })
    .default({ connectMs: 5_000, headersMs: 30_000, bodyMs: 30_000 }),
  /** Retries of idempotent requests, only before any response byte reached the client. */
  retries: z.strictObject({ attempts: z.int().min(0).max(5).default(2), backoffMs: ms(10_000).default(50) }).default({ attempts: 2, backoffMs: 50 }),
  healthCheck: z
    .strictObject({
      path: z.string().startsWith('/'),
      intervalMs: ms(300_000).default(5_000),
      timeoutMs: ms(60_000).default(2_000),
      healthyThreshold: z.int().min(1).max(100).default(2),
      unhealthyThreshold: z.int().min(1).max(100).default(3),
    })
    .optional(),
  /** Passive health: this many consecutive failures eject a target for ejectMs. */
  passive: z.strictObject({ consecutiveFailures: z.int().min(1).max(1000).default(5), ejectMs: ms(600_000).default(10_000) }).default({ consecutiveFailures: 5, ejectMs: 10_000 }),
  /** Circuit breaker per upstream: opens after this many consecutive failures, half-opens after openMs. */
  breaker: z.strictObject({ consecutiveFailures: z.int().min(1).max(10_000).default(20), openMs: ms(600_000).default(10_000) }).default({ consecutiveFailures: 20, openMs: 10_000 }),
  /** Traffic split over the targets' versions (canary releases, partners on v2); absent: every target takes traffic. */
  split: ZTrafficSplit.optional(),
});

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
/** Headers a transform may not set or remove: the gateway owns them, or they frame the message or carry the caller's key. */
const PROTECTED_HEADERS = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'content-length', 'host', 'expect',
  'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded', 'via', 'x-request-id', 'x-consumer-id', 'x-plan', 'x-api-key',
  'authorization', 'traceparent', 'tracestate',
]);
const ZHeaderName = z
  .string()
  .regex(HEADER_NAME, 'must be a header name')
  .refine((name) => !PROTECTED_HEADERS.has(name.toLowerCase().replaceAll('_', '-')), 'is set by the gateway or frames the message, and cannot be changed');

/** Headers to set (replacing what was there) and to remove, on the way to the upstream or back to the caller. */
export const ZHeaderTransform = z.strictObject({
  set: z.record(ZHeaderName, z.string().max(4096).regex(/^[^\r\n\0]*$/, 'must not hold CR, LF or NUL')).default({}),
  remove: z.array(ZHeaderName).max(100).default([]),
});

export const ZRoutePolicies = z.strictObject({
  /** Overrides the upstream's headers/body timeout for this route. */
  timeoutMs: ms(600_000).optional(),
  /** Request bodies larger than this are answered 413. */
  maxBodyBytes: z.int().min(0).max(10 * 1024 ** 3).default(10 * 1024 ** 2),
  /** Response cache for GET/HEAD. */
  cache: ZCachePolicy.optional(),
  /** Who a plan's rate limit and quota count against on this route. */
  limitBy: z.enum(['subscription', 'key', 'ip']).default('subscription'),
  /** Headers the upstream gets set or removed. */
  requestHeaders: ZHeaderTransform.optional(),
  /** Headers the caller gets set or removed, on every answer (the upstream's, a cache hit, a problem). */
  responseHeaders: ZHeaderTransform.optional(),
  /** Check requests against the API's OpenAPI document (parameters and JSON body) before forwarding: 400 with invalid_params. */
  validateRequest: z.boolean().default(false),
  /** This route's own split over the upstream's versions, in place of the upstream's split. */
  split: ZTrafficSplit.optional(),
  /** What answers the route: the upstream proxied (absent or `proxy`), an aggregate of calls, or an XML/SOAP upstream behind JSON. */
  backend: ZRouteBackend.optional(),
});

export type TCorsPolicy = z.infer<typeof ZCorsPolicy>;
export type TCachePolicy = z.infer<typeof ZCachePolicy>;
export type THeaderTransform = z.infer<typeof ZHeaderTransform>;
export type TIpRulesPolicy = z.infer<typeof ZIpRulesPolicy>;
export type TApiPolicies = z.infer<typeof ZApiPolicies>;
export type TUpstreamSettings = z.infer<typeof ZUpstreamSettings>;
export type TRoutePolicies = z.infer<typeof ZRoutePolicies>;
