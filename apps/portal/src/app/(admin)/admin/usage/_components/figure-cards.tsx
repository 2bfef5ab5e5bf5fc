import type { AnalyticsTotals } from '@tollgate/operations';
import { cn } from '@tollgate/ui';
import { formatLatency } from '@/components/usage/format-latency';

const number = new Intl.NumberFormat('en-US');
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

type Figure = { label: string; value: string; change: string; worse: boolean | null };

/** "+12%" for counts, percentage points for rates; null when there is nothing to compare with. */
function relative(now: number, before: number): { text: string; up: boolean | null } {
  if (now === before) return { text: 'no change', up: null };
  if (before === 0) return { text: `up from 0`, up: true };
  const change = ((now - before) / before) * 100;
  return { text: `${change > 0 ? '+' : '−'}${Math.abs(change).toFixed(Math.abs(change) < 10 ? 1 : 0)}%`, up: change > 0 };
}

function figures(now: AnalyticsTotals, before: AnalyticsTotals): Figure[] {
  const requests = relative(now.requests, before.requests);
  const points = now.errorRate !== null && before.errorRate !== null ? (now.errorRate - before.errorRate) * 100 : null;
  const p95 = now.latencyMs.p95 !== null && before.latencyMs.p95 !== null ? relative(now.latencyMs.p95, before.latencyMs.p95) : null;
  const rateLimited = relative(now.rateLimited, before.rateLimited);
  const overQuota = relative(now.overQuota, before.overQuota);
  return [
    { label: 'Requests', value: number.format(now.requests), change: requests.text, worse: null },
    {
      label: 'Error rate',
      value: percent(now.errorRate),
      change: points === null ? 'nothing to compare' : points === 0 ? 'no change' : `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pts`,
      worse: points === null || points === 0 ? null : points > 0,
    },
    { label: 'Latency p95', value: formatLatency(now.latencyMs.p95), change: p95?.text ?? 'nothing to compare', worse: p95?.up ?? null },
    { label: 'Rate limited', value: number.format(now.rateLimited), change: rateLimited.text, worse: rateLimited.up },
    { label: 'Over quota', value: number.format(now.overQuota), change: overQuota.text, worse: overQuota.up },
  ];
}

/** The headline figures, each with its change against the period before. */
export function FigureCards({ totals, previous, periodName }: { totals: AnalyticsTotals; previous: AnalyticsTotals; periodName: string }) {
  return (
    <dl aria-label="Figures" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {figures(totals, previous).map((figure) => (
        <div key={figure.label} className="rounded-xl border border-border bg-card p-4 shadow-sm last:col-span-2 sm:last:col-span-1">
          <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{figure.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-card-foreground" data-figure={figure.label}>
            {figure.value}
          </dd>
          <dd className={cn('mt-1 text-xs text-muted-foreground', figure.worse === true && 'text-destructive', figure.worse === false && 'text-success')}>
            {figure.change} <span className="text-muted-foreground">vs {periodName}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
