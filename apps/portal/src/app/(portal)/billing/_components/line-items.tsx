import type { StatementLineItem } from '@tollgate/domain';
import { formatMoney, formatUnits } from './format-money';

/** A statement's usage per API, route and weight, with each line's share of the overage. */
export function LineItems({ items, currency, caption }: { items: StatementLineItem[]; currency: string; caption: string }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">No metered calls in this period.</p>;
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto rounded-lg border border-border outline-none focus-visible:ring-2 focus-visible:ring-ring">
      <table className="min-w-full divide-y divide-border text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">Route</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Requests</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Units</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Overage</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {items.map((item) => (
            <tr key={`${item.apiId} ${item.routeKey} ${item.weight}`}>
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-card-foreground">
                {item.apiSlug ?? item.apiId} {item.routeKey}
              </td>
              <td className="px-3 py-2 text-right text-card-foreground">{formatUnits(item.requests)}</td>
              <td className="px-3 py-2 text-right text-card-foreground">{formatUnits(item.units)}</td>
              <td className="px-3 py-2 text-right text-card-foreground">{formatMoney(item.overageCents, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
