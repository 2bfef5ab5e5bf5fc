import type { TDiscoveredEndpoint } from '@tollgate/contracts';
import { SENSITIVE_KINDS, type SensitiveKind } from '@tollgate/domain';
import type { DiscoveredEndpoint } from '@tollgate/db';
import { fromDbKind, jsonCounts } from './discovery-rows';

export function toDiscoveredEndpoint(row: DiscoveredEndpoint, apiSlug: string | null): TDiscoveredEndpoint {
  const kind = fromDbKind(row.kind);
  const unauthenticatedHits = Number(row.unauthenticatedHits);
  const sensitiveData = SENSITIVE_KINDS.filter((sensitive: SensitiveKind) => row.sensitiveData.includes(sensitive));
  const flags: TDiscoveredEndpoint['flags'] = [];
  if (kind === 'shadow' && unauthenticatedHits > 0) flags.push('unauthenticated-shadow');
  if (sensitiveData.length > 0) flags.push('sensitive-data');
  return {
    id: row.id,
    method: row.method,
    path: row.pathTemplate,
    kind,
    reason: row.reason,
    hits: Number(row.hits),
    host: row.host,
    api: apiSlug,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    statuses: jsonCounts(row.statusCounts),
    consumers: row.consumers.length,
    credentialsSeen: row.credentialsSeen,
    unauthenticatedHits,
    flags,
    sensitiveData,
    sources: row.sources,
    blocked: row.blockStatus === 404 || row.blockStatus === 410 ? row.blockStatus : null,
    ignored: row.ignored,
    promoted: row.promotedAt !== null,
  };
}
