import type { Prisma } from '../generated/prisma/client';

const fromEnum = (value: string) => value.replaceAll('_', '-');

/** Drops null and undefined fields so the file says only what differs from the defaults. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null && field !== undefined)) as T;
}

/**
 * The database's config as a config file: applying it to the same database changes
 * nothing. Keys appear as `keyHash` with their display prefix, so the file holds no
 * secret; revoked keys and people (whose passwords cannot leave) are left out; OpenAPI
 * documents are inlined.
 */
export async function exportConfig(db: Prisma.TransactionClient): Promise<Record<string, unknown>> {
  const apis = await db.api.findMany({
    orderBy: { slug: 'asc' },
    include: {
      upstream: { include: { targets: { orderBy: { url: 'asc' } } } },
      versions: { orderBy: { name: 'asc' } },
      routes: { orderBy: { key: 'asc' }, include: { version: { select: { name: true } } } },
      jwtIssuers: { orderBy: { issuer: 'asc' } },
    },
  });
  const plans = await db.plan.findMany({ orderBy: { slug: 'asc' }, include: { apis: { include: { api: { select: { slug: true } } } } } });
  const teams = await db.team.findMany({
    orderBy: { slug: 'asc' },
    include: {
      members: { include: { user: { select: { email: true } } }, orderBy: { userId: 'asc' } },
      apps: {
        orderBy: { slug: 'asc' },
        include: {
          subscriptions: { include: { api: { select: { slug: true } }, plan: { select: { slug: true } } } },
          keys: { where: { revokedAt: null }, orderBy: { createdAt: 'asc' } },
          jwtClients: { include: { issuer: { select: { issuer: true, api: { select: { slug: true } } } } }, orderBy: { subject: 'asc' } },
        },
      },
    },
  });
  return {
    apis: apis.map((api) =>
      compact({
        slug: api.slug,
        name: api.name,
        description: api.description,
        tags: api.tags.length > 0 ? api.tags : undefined,
        version: api.version || undefined,
        basePath: api.basePath,
        hosts: api.hosts,
        visibility: api.visibility,
        status: api.status,
        openapi: api.openapi ?? undefined,
        upstream: {
          targets: (api.upstream?.targets ?? []).map((target) => ({ url: target.url, weight: target.weight, ...(target.version !== null ? { version: target.version } : {}) })),
          loadBalancing: fromEnum(api.upstream?.loadBalancing ?? 'round_robin'),
          ...(api.upstream?.settings as object | undefined),
        },
        versions: api.versions.map((version) => ({ name: version.name, selector: version.selector, match: version.match, default: version.isDefault })),
        routes: api.routes.map((route) =>
          compact({
            path: route.path,
            methods: route.methods,
            auth: fromEnum(route.auth),
            weight: route.weight,
            allowQueryKey: route.allowQueryKey,
            stripBasePath: route.stripBasePath,
            rewrite: route.rewrite,
            version: route.version?.name,
            ...(route.policies as object),
          }),
        ),
        jwt: api.jwtIssuers.map((issuer) =>
          compact({
            issuer: issuer.issuer,
            audience: issuer.audience,
            jwksUrl: issuer.jwksUrl,
            publicKeyPem: issuer.publicKeyPem,
            algorithms: issuer.algorithms,
            appClaim: issuer.appClaim,
            clockSkewSeconds: issuer.clockSkewSeconds,
          }),
        ),
        policies: api.policies,
      }),
    ),
    plans: plans.map((plan) =>
      compact({
        slug: plan.slug,
        name: plan.name,
        description: plan.description,
        apis: plan.apis.map((link) => link.api.slug).sort(),
        rateLimit: plan.rateLimitRequests !== null && plan.rateLimitPer !== null ? compact({ requests: plan.rateLimitRequests, per: plan.rateLimitPer, burst: plan.burst }) : undefined,
        quota: plan.quotaRequests !== null && plan.quotaPer !== null ? { requests: plan.quotaRequests, per: plan.quotaPer } : undefined,
        price: compact({ monthlyCents: plan.monthlyPriceCents, overagePer1000Cents: plan.overagePer1000Cents, includedUnits: plan.includedUnits, currency: plan.currency }),
        hardStop: plan.hardStop,
        approvalRequired: plan.approvalRequired,
      }),
    ),
    teams: teams.map((team) => ({
      slug: team.slug,
      name: team.name,
      members: team.members.map((member) => ({ email: member.user.email, role: member.role })),
      apps: team.apps.map((app) => ({
        slug: app.slug,
        name: app.name,
        description: app.description,
        subscriptions: app.subscriptions.map((sub) => ({ api: sub.api.slug, plan: sub.plan.slug, status: sub.status })).sort((a, b) => a.api.localeCompare(b.api)),
        keys: app.keys.map((key) =>
          compact({ keyHash: key.hash, prefix: key.prefix, name: key.name, scopes: key.scopes, expiresAt: key.expiresAt?.toISOString() }),
        ),
        jwtClients: app.jwtClients.map((client) => ({ api: client.issuer.api.slug, issuer: client.issuer.issuer, subject: client.subject })),
      })),
    })),
  };
}
