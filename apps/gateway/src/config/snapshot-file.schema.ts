import { GATEWAY_SNAPSHOT_FORMAT, type GatewaySnapshot } from '@tollgate/db';
import { z } from 'zod';

const ZRoute = z.object({
  id: z.string(),
  key: z.string(),
  path: z.string(),
  methods: z.array(z.string()),
  auth: z.enum(['none', 'key', 'jwt', 'key_or_jwt']),
  weight: z.number(),
  allowQueryKey: z.boolean(),
  stripBasePath: z.boolean(),
  rewrite: z.string().nullable(),
  policies: z.unknown(),
  version: z.string().nullable().default(null),
});

const ZApi = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  basePath: z.string(),
  hosts: z.array(z.string()),
  versions: z.array(z.object({ name: z.string(), selector: z.enum(['path', 'header']), match: z.string(), isDefault: z.boolean() })).default([]),
  status: z.enum(['published', 'deprecated']),
  deprecatedAt: z.iso.datetime().nullable().default(null),
  sunsetAt: z.iso.datetime().nullable().default(null),
  openapi: z.unknown().default(null),
  policies: z.unknown(),
  routes: z.array(ZRoute),
  upstream: z
    .object({
      id: z.string(),
      loadBalancing: z.enum(['round_robin', 'weighted', 'least_connections']),
      settings: z.unknown(),
      targets: z.array(z.object({ id: z.string(), url: z.url(), weight: z.number() })),
    })
    .nullable(),
});

/** The disk snapshot is checked as strictly as any other input before it is served. */
export const ZGatewaySnapshot = z.object({
  format: z.literal(GATEWAY_SNAPSHOT_FORMAT),
  revision: z.number().int().nonnegative(),
  loadedAt: z.string(),
  apis: z.array(ZApi),
  plans: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      rateLimitRequests: z.number().nullable(),
      rateLimitPer: z.enum(['second', 'minute', 'hour']).nullable(),
      burst: z.number().nullable(),
      quotaRequests: z.number().nullable(),
      quotaPer: z.enum(['day', 'month']).nullable(),
      hardStop: z.boolean(),
      apiIds: z.array(z.string()),
    }),
  ),
  apps: z.array(z.object({ id: z.string(), slug: z.string(), teamId: z.string() })),
  subscriptions: z.array(
    z.object({
      id: z.string(),
      appId: z.string(),
      apiId: z.string(),
      planId: z.string(),
      billingAnchor: z.string(),
      timeZone: z.string(),
      quotaOverride: z.number().nullable(),
      quotaResetAt: z.string().nullable(),
    }),
  ),
  keys: z.array(
    z.object({
      id: z.string(),
      appId: z.string(),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      environment: z.enum(['live', 'test']),
      scopes: z.array(z.string()),
      expiresAt: z.string().nullable(),
      revokedAt: z.string().nullable().default(null),
    }),
  ),
  inactiveSubscriptions: z.array(z.object({ appId: z.string(), apiId: z.string(), status: z.enum(['pending', 'suspended', 'cancelled']) })).default([]),
  jwtIssuers: z
    .array(
      z.object({
        id: z.string(),
        apiId: z.string(),
        issuer: z.string(),
        audience: z.array(z.string()),
        jwksUrl: z.string().nullable(),
        publicKeyPem: z.string().nullable(),
        algorithms: z.array(z.string()),
        appClaim: z.string(),
        clockSkewSeconds: z.number().int().nonnegative(),
        clients: z.array(z.object({ subject: z.string(), appId: z.string() })),
      }),
    )
    .default([]),
  discovery: z
    .object({
      blocked: z.array(z.object({ host: z.string(), method: z.string(), template: z.string(), status: z.union([z.literal(404), z.literal(410)]) })),
      splits: z.array(z.object({ host: z.string(), template: z.string() })),
      merges: z.array(z.object({ host: z.string(), template: z.string(), into: z.string() })),
      ignored: z.array(z.object({ host: z.string(), method: z.string(), template: z.string() })).optional(),
    })
    .default({ blocked: [], splits: [], merges: [] }),
}) satisfies z.ZodType<GatewaySnapshot>;
