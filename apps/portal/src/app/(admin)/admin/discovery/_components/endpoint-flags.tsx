import type { TDiscoveredEndpoint } from '@tollgate/contracts';
import { Badge } from '@tollgate/ui';

/** What needs attention or was decided about an endpoint, as badges; a dash when nothing. */
export function EndpointFlags({ endpoint }: { endpoint: TDiscoveredEndpoint }) {
  const flags = [
    endpoint.flags.includes('unauthenticated-shadow') ? (
      <Badge key="unauth" tone="danger" title={`${endpoint.unauthenticatedHits.toLocaleString('en')} requests without credentials`}>
        unauthenticated
      </Badge>
    ) : null,
    endpoint.sensitiveData.length > 0 ? (
      <Badge key="sensitive" tone="danger" title="Seen in sampled responses; the data itself is never kept">
        sensitive data: {endpoint.sensitiveData.join('/')}
      </Badge>
    ) : null,
    endpoint.blocked !== null ? (
      <Badge key="blocked" tone="warning">
        blocked {endpoint.blocked}
      </Badge>
    ) : null,
    endpoint.ignored ? <Badge key="ignored">ignored</Badge> : null,
    endpoint.promoted ? (
      <Badge key="promoted" tone="success">
        promoted
      </Badge>
    ) : null,
    endpoint.sources.includes('import') ? <Badge key="import">from a log</Badge> : null,
  ].filter(Boolean);
  return flags.length > 0 ? <span className="flex flex-wrap gap-1">{flags}</span> : <span className="text-muted-foreground">—</span>;
}
