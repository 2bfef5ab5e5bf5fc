import type { TTargetHealth } from '@tollgate/contracts';
import { Badge } from '@tollgate/ui';

/** Each target as each gateway saw it at its last heartbeat (gateway_instances.status.targets). */
export function TargetHealth({ health }: { health: TTargetHealth[] }) {
  return (
    <section aria-labelledby="target-health" className="grid gap-2">
      <h3 id="target-health" className="text-sm font-semibold text-foreground">
        Live target health
      </h3>
      {health.length === 0 ? (
        <p className="text-sm text-muted-foreground">No gateway has reported these targets yet: health appears here with the next heartbeat of a running gateway.</p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-border" role="region" aria-labelledby="target-health" tabIndex={0}>
          <table className="min-w-full divide-y divide-border text-sm">
            <thead className="bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground">
              <tr>
                {['Gateway', 'Target', 'Health', 'Breaker', 'In flight', 'Ejected until', 'Heartbeat'].map((head) => (
                  <th key={head} scope="col" className="whitespace-nowrap px-3 py-2 font-semibold">
                    {head}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {health.map((entry) => (
                <tr key={`${entry.gateway} ${entry.url}`}>
                  <td className="whitespace-nowrap px-3 py-2">{entry.gateway}</td>
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{entry.url}</td>
                  <td className="px-3 py-2">{entry.healthy ? <Badge tone="success">healthy</Badge> : <Badge tone="danger">unhealthy</Badge>}</td>
                  <td className="px-3 py-2">{entry.breaker === 'closed' ? <Badge>closed</Badge> : <Badge tone="warning">{entry.breaker.replace('_', '-')}</Badge>}</td>
                  <td className="px-3 py-2 tabular-nums">{entry.inFlight}</td>
                  <td className="whitespace-nowrap px-3 py-2">{entry.ejectedUntil ? <time dateTime={entry.ejectedUntil}>{entry.ejectedUntil.replace('T', ' ').slice(0, 19)}</time> : '—'}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <time dateTime={entry.lastSeenAt}>{entry.lastSeenAt.replace('T', ' ').slice(0, 19)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
