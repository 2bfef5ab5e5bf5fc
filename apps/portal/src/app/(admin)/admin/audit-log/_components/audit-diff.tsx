import type { TAuditEntry } from '@tollgate/contracts';
import { cn } from '@tollgate/ui';

const REDACTED = '[redacted]';

function show(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function Value({ value, tone }: { value: unknown; tone: 'before' | 'after' }) {
  if (value === undefined) return <span className="text-muted-foreground">—</span>;
  if (value === REDACTED) return <span className="rounded bg-muted px-1.5 py-0.5 text-xs text-muted-foreground">redacted</span>;
  return (
    <pre className={cn('whitespace-pre-wrap break-all rounded px-1.5 py-0.5 font-mono text-xs', tone === 'before' ? 'bg-destructive/10 text-foreground' : 'bg-success/10 text-foreground')}>
      {show(value)}
    </pre>
  );
}

/** The fields an entry changed, before and after; a create has only an after, a delete only a before. */
export function AuditDiff({ before, after }: Pick<TAuditEntry, 'before' | 'after'>) {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (fields.length === 0) return <p className="text-sm text-muted-foreground">This entry records no field values.</p>;
  return (
    <div className="rounded-lg border border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Changed fields, before and after</caption>
        <thead className="bg-muted/60 text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">Field</th>
            {before ? <th scope="col" className="px-3 py-2 font-semibold">Before</th> : null}
            {after ? <th scope="col" className="px-3 py-2 font-semibold">After</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-border align-top">
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 font-mono text-xs font-medium text-foreground">{field}</th>
              {before ? <td className="px-3 py-2"><Value value={before[field]} tone="before" /></td> : null}
              {after ? <td className="px-3 py-2"><Value value={after[field]} tone="after" /></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
