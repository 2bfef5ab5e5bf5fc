import type { QuotaMeter } from '@tollgate/operations';
import { Card, cn } from '@tollgate/ui';

const number = new Intl.NumberFormat('en-US');
const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** Each subscription's quota in the current period: used, left, and when it starts afresh. */
export function QuotaMeters({ meters }: { meters: QuotaMeter[] }) {
  if (meters.length === 0) return null;
  return (
    <Card title="Quota this period" description="Units counted against each subscription's quota; the gateway refuses calls (or bills overage) once it is spent.">
      <ul className="grid gap-5 sm:grid-cols-2">
        {meters.map((meter) => (
          <li key={meter.subscriptionId} className="grid gap-2">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="font-medium text-card-foreground">
                {meter.app} · {meter.api}
              </span>
              <span className="text-muted-foreground">{meter.plan}</span>
            </div>
            {meter.limit === null ? (
              <p className="text-sm text-muted-foreground">No quota on this plan.</p>
            ) : (
              <QuotaBar meter={meter} limit={meter.limit} />
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function QuotaBar({ meter, limit }: { meter: QuotaMeter; limit: number }) {
  const share = Math.min(1, meter.used / limit);
  const label = `${meter.app} ${meter.api} quota used`;
  return (
    <>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={Math.min(meter.used, limit)}
        aria-valuetext={`${number.format(meter.used)} of ${number.format(limit)} units`}
        className="h-2.5 overflow-hidden rounded-full bg-muted"
      >
        <div className={cn('h-full rounded-full', share >= 1 ? 'bg-destructive' : share >= 0.8 ? 'bg-warning' : 'bg-success')} style={{ width: `${share * 100}%` }} />
      </div>
      <p className="text-sm text-muted-foreground">
        <span className="font-medium text-card-foreground">{number.format(meter.used)}</span> of {number.format(limit)} units per {meter.per} used ·{' '}
        {number.format(meter.left ?? 0)} left · resets {meter.resetsAt ? <time dateTime={meter.resetsAt}>{when.format(new Date(meter.resetsAt))} UTC</time> : '—'}
      </p>
    </>
  );
}
