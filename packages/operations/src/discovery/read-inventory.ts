import type { TDiscoveredEndpoint, TDiscoveryKind, TDiscoveryState } from '@tollgate/contracts';
import type { Prisma } from '@tollgate/db';
import { joinPaths } from '@tollgate/domain';
import type { Tx } from '../core/define-operation';
import { toDbKind } from './discovery-rows';
import { toDiscoveredEndpoint } from './to-discovered-endpoint';

const DAY_MS = 24 * 3600 * 1000;

export interface InventoryFilter {
  kind?: TDiscoveryKind;
  /** Upper-case. */
  method?: string;
  /** Part of the template, any case. */
  search?: string;
  /** One standing; without it active and blocked endpoints, or every one with `includeIgnored`. */
  status?: TDiscoveryState;
  includeIgnored?: boolean;
  orphanDays: number;
}

const STATE_WHERE: Record<TDiscoveryState, Prisma.DiscoveredEndpointWhereInput> = {
  active: { ignored: false, promotedAt: null, blockStatus: null },
  blocked: { blockStatus: { not: null } },
  ignored: { ignored: true },
  promoted: { promotedAt: { not: null } },
};

/**
 * The inventory: stored shadow, zombie and undocumented-method endpoints (most hits
 * first), then orphans, the routes of published APIs older than `orphanDays` that
 * nothing called in that time (their last call from the usage rollups).
 */
export async function readInventory(tx: Tx, filter: InventoryFilter): Promise<TDiscoveredEndpoint[]> {
  const state = filter.status ? STATE_WHERE[filter.status] : filter.includeIgnored ? {} : { ignored: false, promotedAt: null };
  const stored =
    filter.kind === 'orphan'
      ? []
      : await tx.discoveredEndpoint.findMany({
          where: {
            kind: filter.kind ? toDbKind(filter.kind) : { not: 'orphan' },
            ...state,
            ...(filter.method ? { method: filter.method } : {}),
            ...(filter.search ? { pathTemplate: { contains: filter.search, mode: 'insensitive' } } : {}),
          },
          include: { api: { select: { slug: true } } },
          orderBy: [{ hits: 'desc' }, { pathTemplate: 'asc' }, { method: 'asc' }],
        });
  const endpoints = stored.map((row) => toDiscoveredEndpoint(row, row.api?.slug ?? null));
  if (filter.kind !== undefined && filter.kind !== 'orphan') return endpoints;
  if (filter.status === 'blocked' || filter.status === 'promoted') return endpoints;
  const orphans = await listOrphans(tx, filter.orphanDays);
  const search = filter.search?.toLowerCase();
  const wanted = orphans.filter(
    (orphan) =>
      (filter.method === undefined || orphan.method === filter.method) &&
      (search === undefined || orphan.path.toLowerCase().includes(search)) &&
      (filter.status === 'ignored' ? orphan.ignored : filter.includeIgnored === true || !orphan.ignored),
  );
  return [...endpoints, ...wanted];
}

async function listOrphans(tx: Tx, days: number): Promise<TDiscoveredEndpoint[]> {
  const since = new Date(Date.now() - days * DAY_MS);
  const routes = await tx.route.findMany({
    where: { createdAt: { lte: since }, api: { status: 'published' } },
    include: { api: { select: { slug: true, basePath: true } } },
    orderBy: [{ apiId: 'asc' }, { key: 'asc' }],
  });
  const called = await tx.$queryRaw<{ apiId: string; routeKey: string; last: Date }[]>`
    SELECT "apiId"::text AS "apiId", "routeKey", max(minute) AS last FROM usage_rollups GROUP BY "apiId", "routeKey"`;
  const lastCall = new Map(called.map((row) => [`${row.apiId} ${row.routeKey}`, row.last]));
  const ignored = await tx.discoveredEndpoint.findMany({ where: { kind: 'orphan' } });
  const stored = new Map(ignored.map((row) => [`${row.host}\u0000${row.method}\u0000${row.pathTemplate}`, row]));
  const orphans: TDiscoveredEndpoint[] = [];
  for (const route of routes) {
    if (route.path.endsWith('*')) continue;
    const last = lastCall.get(`${route.apiId} ${route.key}`) ?? null;
    if (last !== null && last >= since) continue;
    const path = joinPaths(route.api.basePath, route.path);
    for (const method of route.methods) {
      const row = stored.get(`\u0000${method}\u0000${path}`);
      orphans.push({
        id: row?.id ?? null,
        method,
        path,
        kind: 'orphan',
        reason: null,
        hits: 0,
        host: '',
        api: route.api.slug,
        firstSeenAt: null,
        lastSeenAt: last?.toISOString() ?? null,
        statuses: {},
        consumers: 0,
        credentialsSeen: false,
        unauthenticatedHits: 0,
        flags: [],
        sensitiveData: [],
        sources: [],
        blocked: null,
        ignored: row?.ignored ?? false,
        promoted: false,
      });
    }
  }
  return orphans;
}
