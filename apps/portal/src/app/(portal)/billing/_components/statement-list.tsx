import type { StatementLineItem } from '@tollgate/domain';
import type { StatementRow } from '@tollgate/db';
import { Badge, EmptyState } from '@tollgate/ui';
import { formatMoney, formatPeriod } from './format-money';
import { LineItems } from './line-items';

/** Statements, newest first; each opens to its line items and downloads as CSV or JSON. */
export function StatementList({ statements }: { statements: StatementRow[] }) {
  return (
    <section aria-labelledby="statements" className="grid min-w-0 gap-3">
      <h2 id="statements" className="text-lg font-semibold text-foreground">
        Statements
      </h2>
      {statements.length === 0 ? (
        <EmptyState title="No statements yet">A statement is written for each subscription when its billing period closes.</EmptyState>
      ) : (
        <ul className="grid gap-3">
          {statements.map((statement) => {
            const title = `${statement.app} · ${statement.api}, ${formatPeriod(statement.periodStart, statement.periodEnd)}`;
            return (
              <li key={statement.id} className="min-w-0 rounded-xl border border-border bg-card shadow-sm">
                <details className="group">
                  <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-3 px-5 py-4 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring">
                    <span className="grid gap-0.5">
                      <span className="font-medium text-card-foreground">{title}</span>
                      <span className="text-muted-foreground">{statement.plan} plan</span>
                    </span>
                    <span className="flex items-center gap-3">
                      <Badge tone={statement.status === 'closed' ? 'neutral' : 'info'}>{statement.status === 'closed' ? 'Closed' : 'Open'}</Badge>
                      <span className="font-semibold text-card-foreground">{formatMoney(statement.totalCents, statement.currency)}</span>
                    </span>
                  </summary>
                  <div className="grid gap-3 border-t border-border px-5 py-4">
                    <LineItems items={(statement.lineItems ?? []) as StatementLineItem[]} currency={statement.currency} caption={`Line items of ${title}`} />
                    <p className="flex flex-wrap gap-4 text-sm">
                      <a className="font-medium text-primary underline-offset-4 hover:underline" href={`/billing/statements/${statement.id}/download?format=csv`} download>
                        Download CSV<span className="sr-only"> of {title}</span>
                      </a>
                      <a className="font-medium text-primary underline-offset-4 hover:underline" href={`/billing/statements/${statement.id}/download?format=json`} download>
                        Download JSON<span className="sr-only"> of {title}</span>
                      </a>
                    </p>
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
