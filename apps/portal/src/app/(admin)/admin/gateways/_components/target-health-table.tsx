import { Badge } from '@tollgate/ui';
import { Timestamp } from '../../_components/timestamp';
import type { TargetHealth } from './read-targets';

const BREAKER = { closed: { tone: 'success', label: 'closed' }, half_open: { tone: 'warning', label: 'half open' }, open: { tone: 'danger', label: 'open' } } as const;

/** Each upstream target's health as this gateway sees it: health checks, passive ejection, in-flight requests, breaker. */
export function TargetHealthTable({ targets, hostname }: { targets: TargetHealth[]; hostname: string }) {
  if (targets.length === 0) return <p className="text-sm text-muted-foreground">This gateway reports no upstream targets.</p>;
  return (
    <div role="region" aria-label={`Targets of ${hostname}`} tabIndex={0} className="overflow-x-auto rounded-lg border border-border outline-none focus-visible:ring-2 focus-visible:ring-ring">
      <table className="min-w-full divide-y divide-border text-sm">
        <caption className="sr-only">Upstream targets of {hostname}</caption>
        <thead className="bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            {['API', 'Target', 'Health', 'Ejected until', 'In flight', 'Breaker'].map((label) => (
              <th key={label} scope="col" className="whitespace-nowrap px-3 py-2 font-semibold">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {targets.map((target) => (
            <tr key={`${target.api} ${target.url}`}>
              <td className="whitespace-nowrap px-3 py-2 font-medium text-foreground">{target.api}</td>
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-foreground">{target.url}</td>
              <td className="px-3 py-2">
                <Badge tone={target.healthy ? 'success' : 'danger'}>{target.healthy ? 'healthy' : 'unhealthy'}</Badge>
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-muted-foreground">{target.ejectedUntil ? <Timestamp iso={target.ejectedUntil} absolute /> : '—'}</td>
              <td className="px-3 py-2 tabular-nums text-foreground">{target.inFlight}</td>
              <td className="px-3 py-2">
                <Badge tone={BREAKER[target.breaker].tone}>{BREAKER[target.breaker].label}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
