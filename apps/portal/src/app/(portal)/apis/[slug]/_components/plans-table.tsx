import type { CatalogPlan } from '@tollgate/operations';
import { Badge } from '@tollgate/ui';
import type { ReactNode } from 'react';
import { formatCents, formatLimit } from '@/lib/format';

const ROWS: { label: string; value: (plan: CatalogPlan) => ReactNode }[] = [
  { label: 'Price', value: (plan) => (plan.price.monthlyCents === 0 ? 'Free' : `${formatCents(plan.price.monthlyCents, plan.price.currency)} / month`) },
  { label: 'Rate limit', value: (plan) => formatLimit(plan.rateLimit?.requests ?? null, plan.rateLimit?.per ?? null) + (plan.rateLimit?.burst ? ` (burst ${plan.rateLimit.burst})` : '') },
  { label: 'Quota', value: (plan) => formatLimit(plan.quota?.requests ?? null, plan.quota?.per ?? null) },
  {
    label: 'Past the quota',
    value: (plan) =>
      !plan.quota ? '—' : plan.hardStop ? 'Refused (429)' : `${formatCents(plan.price.overagePer1000Cents, plan.price.currency)} per 1,000 calls`,
  },
  { label: 'Approval', value: (plan) => (plan.approvalRequired ? <Badge tone="warning">Needs approval</Badge> : <Badge tone="success">Instant</Badge>) },
];

/** The API's plans side by side: one column per plan, one row per thing to compare. */
export function PlansTable({ plans, apiName }: { plans: CatalogPlan[]; apiName: string }) {
  return (
    <div role="region" aria-label={`Plans of ${apiName}`} tabIndex={0} className="overflow-x-auto rounded-xl border border-border bg-card outline-none focus-visible:ring-2 focus-visible:ring-ring">
      <table className="w-full min-w-max text-left text-sm">
        <caption className="sr-only">Plans of {apiName} compared</caption>
        <thead>
          <tr className="border-b border-border">
            <td className="px-4 py-3" />
            {plans.map((plan) => (
              <th key={plan.slug} scope="col" className="px-4 py-3 align-top">
                <span className="block font-semibold text-card-foreground">{plan.name}</span>
                {plan.description ? <span className="mt-0.5 block max-w-56 whitespace-normal text-xs font-normal text-muted-foreground">{plan.description}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.label} className="border-b border-border last:border-0">
              <th scope="row" className="px-4 py-3 font-medium text-muted-foreground">
                {row.label}
              </th>
              {plans.map((plan) => (
                <td key={plan.slug} className="px-4 py-3 text-card-foreground">
                  {row.value(plan)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
