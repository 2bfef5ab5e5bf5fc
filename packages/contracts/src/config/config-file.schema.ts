// The declarative config file (`tollgate apply -f FILE`). One definition, used by the CLI,
// the seed, the admin API and the tests. Cross references (plan -> api, subscription ->
// plan) are checked against the file plus the database when the config is applied.
import { z } from 'zod';
import { checkPathTemplate, parseApiKey } from '@tollgate/domain';
import { ZJwtClient, ZJwtIssuer } from './jwt.schema';
import { ZApiPolicies, ZRoutePolicies, ZUpstreamSettings } from './policies.schema';
import { checkSplitVersions, ZSplitVersionName } from './traffic-split.schema';
import { checkRouteBackend } from './route-backend.schema';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
export const ZSlug = z.string().regex(SLUG, 'must be lowercase letters, digits and dashes (1-63), not starting or ending with a dash');

export const ZPathTemplate = z.string().superRefine((value, ctx) => {
  const check = checkPathTemplate(value);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: `path ${check.reason}` });
});

const HOST = /^(\*\.)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

export const ZBasePath = ZPathTemplate.refine((value) => !value.includes('{') && !value.includes('*'), 'basePath must be static');

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export const ZHttpMethod = z.enum(HTTP_METHODS);

export const ZUpstreamTarget = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .refine((value) => {
      // zod runs refinements after a failed check too: a value that is no URL is reported once, above.
      if (!URL.canParse(value)) return true;
      const url = new URL(value);
      return !url.username && !url.password && !url.search && !url.hash;
    }, 'must not carry credentials, a query or a fragment'),
  weight: z.int().min(0).max(1000).default(1),
  /** The version of the upstream this target serves, for traffic splits (`upstream.split`, a route's `split`). */
  version: ZSplitVersionName.optional(),
});

export const ZUpstream = ZUpstreamSettings.extend({
  targets: z.array(ZUpstreamTarget).min(1, 'needs at least one target'),
  loadBalancing: z.enum(['round-robin', 'weighted', 'least-connections']).default('round-robin'),
});

export const ZRoute = z.strictObject({
  path: ZPathTemplate,
  methods: z.array(ZHttpMethod).min(1).default(['GET']),
  auth: z.enum(['none', 'key', 'jwt', 'key-or-jwt']).default('key'),
  weight: z.int().min(0).max(1_000_000).default(1),
  allowQueryKey: z.boolean().default(false),
  stripBasePath: z.boolean().default(true),
  rewrite: ZPathTemplate.optional(),
  /** Name of one of the API's versions; absent: the route belongs to every version. */
  version: z.string().min(1).optional(),
  ...ZRoutePolicies.shape,
});

const VERSION_MATCH = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,62}$/;

export const ZApiVersion = z.strictObject({
  name: z.string().regex(VERSION_MATCH, 'must be letters, digits, dots, dashes or underscores'),
  /** `path`: a segment after the basePath (`/weather/v2/...`); `header`: the API's version header (policies.versionHeader, default Api-Version). */
  selector: z.enum(['path', 'header']).default('path'),
  match: z.string().regex(VERSION_MATCH, 'must be letters, digits, dots, dashes or underscores'),
  /** Served when the header is absent (header versions) or under the bare basePath (path versions). */
  default: z.boolean().default(false),
});

/** A catalog label such as `payments` or `open-banking`. */
export const ZTag = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes (at most 40)');

export const ZApi = z.strictObject({
  slug: ZSlug,
  name: z.string().min(1).max(200),
  description: z.string().max(5000).default(''),
  /** Labels the catalog filters by: lower-case letters, digits and dashes, at most 20. */
  tags: z.array(ZTag).max(20).default([]),
  /** The version its owners publish, e.g. "1.4.0"; an imported OpenAPI document's info.version. */
  version: z.string().max(50).default(''),
  basePath: ZBasePath,
  /** Host names the API answers on (exact, or `*.example.com` one label deep); empty: any host. */
  hosts: z
    .array(z.string().regex(HOST, 'must be a host name or *.host.name wildcard, without port').transform((host) => host.toLowerCase().replace(/\.$/, '')))
    .default([]),
  visibility: z.enum(['public', 'private', 'partner']).default('public'),
  status: z.enum(['draft', 'published', 'deprecated', 'retired']).default('draft'),
  /** A path to an OpenAPI file (relative to the config file), or the document itself (as `export` writes it). */
  openapi: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
  upstream: ZUpstream,
  routes: z.array(ZRoute).default([]),
  versions: z.array(ZApiVersion).default([]),
  /** JWT issuers for routes with auth jwt or key-or-jwt. */
  jwt: z.array(ZJwtIssuer).default([]),
  policies: ZApiPolicies.default({ failClosed: false }),
});

export const ZPlan = z.strictObject({
  slug: ZSlug,
  name: z.string().min(1).max(200),
  description: z.string().max(5000).default(''),
  apis: z.array(ZSlug).default([]),
  rateLimit: z
    .strictObject({
      requests: z.int().positive(),
      per: z.enum(['second', 'minute', 'hour']),
      burst: z.int().nonnegative().optional(),
    })
    .optional(),
  quota: z.strictObject({ requests: z.int().positive(), per: z.enum(['day', 'month']) }).optional(),
  price: z
    .strictObject({
      monthlyCents: z.int().nonnegative().default(0),
      overagePer1000Cents: z.int().nonnegative().default(0),
      includedUnits: z.int().nonnegative().optional(),
      currency: z.string().regex(/^[a-z]{3}$/).default('usd'),
    })
    .default({ monthlyCents: 0, overagePer1000Cents: 0, currency: 'usd' }),
  hardStop: z.boolean().default(true),
  approvalRequired: z.boolean().default(false),
});

export const ZUser = z.strictObject({
  email: z.email().transform((value) => value.toLowerCase()),
  name: z.string().min(1).max(200),
  role: z.enum(['owner', 'admin', 'viewer', 'developer']).default('developer'),
  password: z.string().min(8, 'must be at least 8 characters'),
});

export const ZSubscription = z.strictObject({
  api: ZSlug,
  plan: ZSlug,
  status: z.enum(['pending', 'active', 'suspended', 'cancelled']).default('active'),
});

/**
 * A key given in full (`key`, for tests and migrations) or as its SHA-256 (`keyHash` with
 * its display `prefix`), so an exported file holds no secrets.
 */
export const ZKey = z
  .strictObject({
    key: z.string().refine((value) => parseApiKey(value).ok, 'is not a valid Tollgate key (tg_live_… or tg_test_… with its checksum)').optional(),
    keyHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be the key\'s SHA-256 as 64 lower-case hex characters').optional(),
    prefix: z.string().regex(/^tg_(live|test)_[1-9A-HJ-NP-Za-km-z]{1,16}$/, 'must be a display prefix such as tg_live_3xY9aB').optional(),
    name: z.string().max(200).default(''),
    scopes: z.array(z.string().min(1)).default([]),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((key, ctx) => {
    if ((key.key === undefined) === (key.keyHash === undefined)) ctx.addIssue({ code: 'custom', path: ['key'], message: 'give either key or keyHash (with prefix)' });
    if (key.keyHash !== undefined && key.prefix === undefined) ctx.addIssue({ code: 'custom', path: ['prefix'], message: 'is required with keyHash' });
  });

export const ZApp = z.strictObject({
  slug: ZSlug,
  name: z.string().min(1).max(200),
  description: z.string().max(5000).default(''),
  subscriptions: z.array(ZSubscription).default([]),
  keys: z.array(ZKey).default([]),
  /** Token clients (an issuer's app claim value) that act as this app. */
  jwtClients: z.array(ZJwtClient).default([]),
});

export const ZTeam = z.strictObject({
  slug: ZSlug,
  name: z.string().min(1).max(200),
  members: z.array(z.strictObject({ email: z.email().transform((v) => v.toLowerCase()), role: z.enum(['owner', 'member']).default('member') })).default([]),
  apps: z.array(ZApp).default([]),
});

function uniqueBy<T>(items: T[], pick: (item: T) => string, what: string, ctx: z.RefinementCtx, path: (string | number)[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const value = pick(item);
    if (seen.has(value)) {
      ctx.addIssue({ code: 'custom', path: [...path, index], message: `duplicate ${what} "${value}" (also at index ${seen.get(value)})` });
    } else seen.set(value, index);
  });
}

export const ZConfigFile = z
  .strictObject({
    apis: z.array(ZApi).default([]),
    plans: z.array(ZPlan).default([]),
    users: z.array(ZUser).default([]),
    teams: z.array(ZTeam).default([]),
  })
  .superRefine((config, ctx) => {
    uniqueBy(config.apis, (api) => api.slug, 'api slug', ctx, ['apis']);
    checkBasePaths(config.apis, ctx);
    uniqueBy(config.plans, (plan) => plan.slug, 'plan slug', ctx, ['plans']);
    uniqueBy(config.users, (user) => user.email, 'user email', ctx, ['users']);
    uniqueBy(config.teams, (team) => team.slug, 'team slug', ctx, ['teams']);
    const apps = config.teams.flatMap((team) => team.apps);
    config.teams.forEach((team, teamIndex) => {
      uniqueBy(team.apps, (app) => app.slug, 'app slug', ctx, ['teams', teamIndex, 'apps']);
      team.apps.forEach((app, appIndex) => {
        uniqueBy(app.subscriptions, (sub) => sub.api, 'subscription to api', ctx, ['teams', teamIndex, 'apps', appIndex, 'subscriptions']);
      });
    });
    uniqueBy(apps.flatMap((app) => app.keys), (key) => key.keyHash ?? key.key ?? '', 'key', ctx, ['teams']);
    uniqueBy(apps.flatMap((app) => app.jwtClients), (client) => `${client.api} ${client.issuer} ${client.subject}`, 'jwt client', ctx, ['teams']);
    config.apis.forEach((api, apiIndex) => {
      uniqueBy(api.jwt, (issuer) => issuer.issuer, 'jwt issuer', ctx, ['apis', apiIndex, 'jwt']);
      uniqueBy(api.routes, routeKey, 'route', ctx, ['apis', apiIndex, 'routes']);
      uniqueBy(api.versions, (version) => version.name, 'version name', ctx, ['apis', apiIndex, 'versions']);
      uniqueBy(api.versions, (version) => version.match, 'version match', ctx, ['apis', apiIndex, 'versions']);
      if (new Set(api.versions.map((version) => version.selector)).size > 1) {
        ctx.addIssue({ code: 'custom', path: ['apis', apiIndex, 'versions'], message: 'versions of one API must all use the same selector' });
      }
      if (api.versions.filter((version) => version.default).length > 1) {
        ctx.addIssue({ code: 'custom', path: ['apis', apiIndex, 'versions'], message: 'at most one version can be the default' });
      }
      checkSplitVersions(api.upstream.targets, api.upstream.split, ctx, ['apis', apiIndex, 'upstream', 'split'], ['apis', apiIndex, 'upstream', 'targets']);
      api.routes.forEach((route, routeIndex) => checkRouteBackend(route, ctx, ['apis', apiIndex, 'routes', routeIndex]));
      api.routes.forEach((route, routeIndex) => checkSplitVersions(api.upstream.targets, route.split, ctx, ['apis', apiIndex, 'routes', routeIndex, 'split'], null));
      const names = new Set(api.versions.map((version) => version.name));
      api.routes.forEach((route, routeIndex) => {
        if (route.version !== undefined && !names.has(route.version)) {
          ctx.addIssue({ code: 'custom', path: ['apis', apiIndex, 'routes', routeIndex, 'version'], message: `unknown version "${route.version}"` });
        }
      });
    });
  });

export type TConfigFile = z.infer<typeof ZConfigFile>;
export type TConfigApi = z.infer<typeof ZApi>;
export type TConfigRoute = z.infer<typeof ZRoute>;
export type TConfigPlan = z.infer<typeof ZPlan>;
export type TConfigTeam = z.infer<typeof ZTeam>;
export type TConfigApp = z.infer<typeof ZApp>;
export type TConfigUser = z.infer<typeof ZUser>;

/** The stable identity of a route inside its API: "GET,POST /forecast/{city}", prefixed by its version ("v2 GET /x") when it has one. */
export function routeKey(route: { methods: readonly string[]; path: string; version?: string | null }): string {
  const key = `${[...route.methods].sort().join(',')} ${route.path}`;
  return route.version ? `${route.version} ${key}` : key;
}

/**
 * Two APIs may share a basePath when no request host picks both at the same precedence:
 * an exact host beats a `*.suffix` wildcard, which beats an API without hosts.
 */
function checkBasePaths(apis: TConfigApi[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number[]>();
  apis.forEach((api, index) => {
    const earlier = seen.get(api.basePath) ?? [];
    const clash = earlier.find((other) => sameHostClaim(apis[other]!.hosts, api.hosts));
    if (clash !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['apis', index], message: `duplicate basePath "${api.basePath}" (also at index ${clash}) for the same host` });
    }
    seen.set(api.basePath, [...earlier, index]);
  });
}

function sameHostClaim(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  return a.some((host) => b.includes(host));
}
