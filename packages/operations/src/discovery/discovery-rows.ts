import type { DiscoveredEndpoint, DiscoveryKind as DbDiscoveryKind, Prisma } from '@tollgate/db';
import type { DiscoveryKind } from '@tollgate/domain';
import { addCounts, MAX_SAMPLES, unionBounded, type DiscoveryObservation } from './observation';

export const toDbKind = (kind: DiscoveryKind): DbDiscoveryKind => (kind === 'undocumented-method' ? 'undocumented_method' : kind);
export const fromDbKind = (kind: DbDiscoveryKind): DiscoveryKind => (kind === 'undocumented_method' ? 'undocumented-method' : kind);

const counts = (value: Prisma.JsonValue): Record<string, number> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Record<string, number>) } : {});

/** The columns an observation adds to a stored row (or makes a new row of). */
export function observedColumns(row: DiscoveredEndpoint | null, seen: DiscoveryObservation) {
  const first = row === null || seen.firstSeenAt < row.firstSeenAt ? seen.firstSeenAt : row.firstSeenAt;
  const last = row === null || seen.lastSeenAt > row.lastSeenAt ? seen.lastSeenAt : row.lastSeenAt;
  return {
    hits: (row?.hits ?? 0n) + BigInt(seen.hits),
    statusCounts: addCounts(counts(row?.statusCounts ?? {}), seen.statuses),
    lastStatus: lastStatusOf(seen.statuses) ?? row?.lastStatus ?? null,
    consumers: unionBounded(row?.consumers ?? [], seen.consumers),
    credentialsSeen: (row?.credentialsSeen ?? false) || seen.credentialsSeen,
    unauthenticatedHits: (row?.unauthenticatedHits ?? 0n) + BigInt(seen.unauthenticatedHits),
    samples: addCounts(counts(row?.samples ?? {}), seen.samples, MAX_SAMPLES),
    sources: unionBounded(row?.sources ?? [], [seen.source]),
    sensitiveData: unionBounded(row?.sensitiveData ?? [], seen.sensitiveData ?? []),
    firstSeenAt: first,
    lastSeenAt: last,
  };
}

/** Folds `from` into `into` (a merge, or stored literals folded by a re-run of the templater). */
export function mergedColumns(into: DiscoveredEndpoint, from: DiscoveredEndpoint) {
  const columns = observedColumns(into, {
    host: from.host,
    method: from.method,
    template: from.pathTemplate,
    hits: Number(from.hits),
    statuses: counts(from.statusCounts),
    consumers: from.consumers,
    credentialsSeen: from.credentialsSeen,
    unauthenticatedHits: Number(from.unauthenticatedHits),
    firstSeenAt: from.firstSeenAt,
    lastSeenAt: from.lastSeenAt,
    samples: counts(from.samples),
    source: 'gateway',
    sensitiveData: from.sensitiveData,
  });
  return { ...columns, sources: unionBounded(into.sources, from.sources) };
}

function lastStatusOf(statuses: Readonly<Record<string, number>>): number | null {
  const keys = Object.keys(statuses);
  return keys.length > 0 ? Number(keys.at(-1)) : null;
}

export { counts as jsonCounts };
