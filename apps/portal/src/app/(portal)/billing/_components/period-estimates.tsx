import type { BillingEstimate } from '@tollgate/operations';
import { Card } from '@tollgate/ui';
import { formatMoney, formatPeriod, formatUnits } from './format-money';
import { LineItems } from './line-items';

/** The running estimate of each subscription's current period, as the statement will be computed. */
export function PeriodEstimates({ estimates }: { estimates: BillingEstimate[] }) {
  return (
    <section aria-labelledby="this-period" className="grid min-w-0 gap-3">
      <h2 id="this-period" className="text-lg font-semibold text-foreground">
        This period
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        {estimates.map((estimate) => (
          <Card className="min-w-0" key={estimate.subscriptionId} title={`${estimate.app} · ${estimate.api}`} description={`${estimate.plan} plan · ${formatPeriod(estimate.periodStart, estimate.periodEnd)} (UTC)`}>
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <Figure label="Used units" value={formatUnits(estimate.usedUnits)} />
              <Figure label="Included" value={formatUnits(estimate.includedUnits)} />
              <Figure label="Overage" value={formatMoney(estimate.overageCents, estimate.currency)} />
              <Figure label="Estimated total" value={formatMoney(estimate.totalCents, estimate.currency)} strong />
            </dl>
            <div className="mt-4">
              <LineItems items={estimate.lineItems} currency={estimate.currency} caption={`Usage of ${estimate.app} on ${estimate.api} this period`} />
            </div>
          </Card>
        ))}
      </div>
    </section>
  );
}

function Figure({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className={strong ? 'mt-0.5 text-base font-semibold text-card-foreground' : 'mt-0.5 text-card-foreground'}>{value}</dd>
    </div>
  );
}
