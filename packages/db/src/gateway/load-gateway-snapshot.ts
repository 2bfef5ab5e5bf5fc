import type { Db } from '../client/create-db';
import { GATEWAY_KEY_COLUMNS, GATEWAY_SNAPSHOT_FORMAT, type GatewaySnapshot } from './gateway-snapshot';

/** Revoked keys stay in the snapshot this long, so callers learn the key was revoked rather than unknown. */
export const REVOKED_KEYS_KEPT_MS = 30 * 24 * 3600 * 1000;

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export interface LoadGatewaySnapshotOptions {
  /** False leaves `keys` empty: the gateway streams them with streamGatewayKeys instead. */
  keys?: boolean;
}

/**
 * Reads the whole gateway config in one read-only, repeatable-read transaction, so the
 * revision and the rows always belong together.
 */
export async function loadGatewaySnapshot(db: Db, options: LoadGatewaySnapshotOptions = {}): Promise<GatewaySnapshot> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SET TRANSACTION READ ONLY');
      const state = await tx.configState.findUnique({ where: { id: 1 }, select: { revision: true } });
      const apis = await tx.api.findMany({
        where: { status: { in: ['published', 'deprecated'] } },
        orderBy: { basePath: 'asc' },
        include: {
          routes: { orderBy: { key: 'asc' }, include: { version: { select: { name: true } } } },
          versions: { where: { status: { in: ['published', 'deprecated'] } }, orderBy: { name: 'asc' } },
          upstream: { include: { targets: { orderBy: { url: 'asc' } } } } },
      });
      const plans = await tx.plan.findMany({ orderBy: { slug: 'asc' }, include: { apis: { select: { apiId: true } } } });
      const apps = await tx.app.findMany({ orderBy: { slug: 'asc' }, select: { id: true, slug: true, teamId: true } });
      const subscriptions = await tx.subscription.findMany({ where: { status: 'active' }, orderBy: { id: 'asc' } });
      const keys = options.keys === false ? [] : await tx.apiKey.findMany({
        where: { OR: [{ revokedAt: null }, { revokedAt: { gt: new Date(Date.now() - REVOKED_KEYS_KEPT_MS) } }] },
        orderBy: { id: 'asc' },
        select: GATEWAY_KEY_COLUMNS,
      });
      const inactiveSubscriptions = await tx.subscription.findMany({
        where: { status: { not: 'active' } },
        orderBy: { id: 'asc' },
        select: { appId: true, apiId: true, status: true },
      });
      const jwtIssuers = await tx.jwtIssuer.findMany({
        orderBy: [{ apiId: 'asc' }, { issuer: 'asc' }],
        include: { clients: { orderBy: { subject: 'asc' }, select: { subject: true, appId: true } } },
      });

      const blocked = await tx.discoveredEndpoint.findMany({
        where: { blockStatus: { not: null } },
        orderBy: [{ host: 'asc' }, { pathTemplate: 'asc' }, { method: 'asc' }],
        select: { host: true, method: true, pathTemplate: true, blockStatus: true },
      });
      const ignored = await tx.discoveredEndpoint.findMany({
        where: { ignored: true },
        orderBy: [{ host: 'asc' }, { pathTemplate: 'asc' }, { method: 'asc' }],
        select: { host: true, method: true, pathTemplate: true },
      });
      const decisions = await tx.discoveryDecision.findMany({ orderBy: [{ host: 'asc' }, { template: 'asc' }] });

      return {
        format: GATEWAY_SNAPSHOT_FORMAT,
        revision: Number(state?.revision ?? 0n),
        loadedAt: new Date().toISOString(),
        apis: apis.map((api) => ({
          id: api.id,
          slug: api.slug,
          name: api.name,
          basePath: api.basePath,
          hosts: api.hosts,
          versions: api.versions.map((version) => ({ name: version.name, selector: version.selector, match: version.match, isDefault: version.isDefault })),
          status: api.status as 'published' | 'deprecated',
          deprecatedAt: api.deprecatedAt?.toISOString() ?? null,
          sunsetAt: api.sunsetAt?.toISOString() ?? null,
          openapi: api.openapi ?? null,
          policies: api.policies,
          routes: api.routes.map((route) => ({
            id: route.id,
            key: route.key,
            path: route.path,
            methods: route.methods,
            auth: route.auth,
            weight: route.weight,
            allowQueryKey: route.allowQueryKey,
            stripBasePath: route.stripBasePath,
            rewrite: route.rewrite,
            policies: route.policies,
            version: route.version?.name ?? null,
          })),
          upstream: api.upstream
            ? {
                id: api.upstream.id,
                loadBalancing: api.upstream.loadBalancing,
                settings: api.upstream.settings,
                targets: api.upstream.targets.map((target) => ({ id: target.id, url: target.url, weight: target.weight, ...(target.version !== null ? { version: target.version } : {}) })),
              }
            : null,
        })),
        plans: plans.map((plan) => ({
          id: plan.id,
          slug: plan.slug,
          name: plan.name,
          rateLimitRequests: plan.rateLimitRequests,
          rateLimitPer: plan.rateLimitPer,
          burst: plan.burst,
          quotaRequests: plan.quotaRequests,
          quotaPer: plan.quotaPer,
          hardStop: plan.hardStop,
          apiIds: plan.apis.map((link) => link.apiId),
        })),
        apps,
        subscriptions: subscriptions.map((sub) => ({
          id: sub.id,
          appId: sub.appId,
          apiId: sub.apiId,
          planId: sub.planId,
          billingAnchor: sub.billingAnchor.toISOString(),
          timeZone: sub.timeZone,
          quotaOverride: sub.quotaOverride,
          quotaResetAt: iso(sub.quotaResetAt),
        })),
        keys: keys.map((key) => ({ ...key, expiresAt: iso(key.expiresAt), revokedAt: iso(key.revokedAt) })),
        inactiveSubscriptions: inactiveSubscriptions.map((sub) => ({ ...sub, status: sub.status as 'pending' | 'suspended' | 'cancelled' })),
        jwtIssuers: jwtIssuers.map(({ createdAt: _createdAt, ...issuer }) => issuer),
        discovery: {
          blocked: blocked.map((row) => ({ host: row.host, method: row.method, template: row.pathTemplate, status: row.blockStatus === 404 ? 404 : 410 })),
          splits: decisions.filter((row) => row.kind === 'split').map((row) => ({ host: row.host, template: row.template })),
          merges: decisions.filter((row) => row.kind === 'merge' && row.into !== null).map((row) => ({ host: row.host, template: row.template, into: row.into! })),
          ignored: ignored.map((row) => ({ host: row.host, method: row.method, template: row.pathTemplate })),
        },
      } satisfies GatewaySnapshot;
    },
    { isolationLevel: 'RepeatableRead', maxWait: 10_000, timeout: 60_000 },
  );
}
