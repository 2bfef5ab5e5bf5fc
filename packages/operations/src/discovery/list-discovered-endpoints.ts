import { ZListDiscoveredEndpointsRequest, type TDiscoveredEndpoint } from '@tollgate/contracts';
import { joinPaths } from '@tollgate/domain';
import { defineOperation, type Tx } from '../core/define-operation';
import { toDbKind } from './discovery-rows';
import { toDiscoveredEndpoint } from './to-discovered-endpoint';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The inventory: stored shadow, zombie and undocumented-method endpoints (most hits
 * first), then orphans, the routes of published APIs older than `orphanDays` that
 * nothing called in that time (their last call from the usage rollups).
 */
export const listDiscoveredEndpoints = defineOperation({
  name: 'discovery.list',
  role: 'viewer',
  input: ZListDiscoveredEndpointsRequest,
  async run(tx, input): Promise<TDiscoveredEndpoint[]> {
    const rows = await tx.discoveredEndpoint.findMany({
      where: {
        ...(input.kind ? { kind: toDbKind(input.kind) } : { kind: { not: 'orphan' } }),
        ...(input.includeIgnored ? {} : { ignored: false, promotedAt: null }),
      },
      include: { api: { select: { slug: true } } },
      orderBy: [{ hits: 'desc' }, { pathTemplate: 'asc' }, { method: 'asc' }],
    });
    const stored = rows.filter((row) => row.kind !== 'orphan').map((row) => toDiscoveredEndpoint(row, row.api?.slug ?? null));
    if (input.kind !== undefined && input.kind !== 'orphan') return stored;
    const orphans = await listOrphans(tx, input.orphanDays, input.includeIgnored);
    return [...stored, ...orphans];
  },
});

async function listOrphans(tx: Tx, days: number, includeIgnored: boolean): Promise<TDiscoveredEndpoint[]> {
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
      if (row !== undefined && row.ignored && !includeIgnored) continue;
      orphans.push({
        id: row?.id ?? null,
        method,
        path,
        kind: 'orphan',
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
        sources: [],
        blocked: null,
        ignored: row?.ignored ?? false,
        promoted: false,
      });
    }
  }
  return orphans;
}
