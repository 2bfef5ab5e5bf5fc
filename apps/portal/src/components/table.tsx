import { cn } from '@tollgate/ui';
import type { ReactNode } from 'react';

/**
 * A static bordered table for short lists a server page renders whole: pass header labels and rows of
 * cells. Lists that page, sort or filter use the kit's DataTable instead.
 */
export function Table({ head, children, caption }: { head: string[]; children: ReactNode; caption?: string }) {
  return (
    <div role="region" aria-label={caption ?? 'Table'} tabIndex={0} className="overflow-x-auto rounded-xl border border-border bg-card shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-ring">
      <table className="min-w-full divide-y divide-border text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-muted/60">
          <tr>
            {head.map((label) => (
              <th key={label} scope="col" className="px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-muted-foreground">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, mono = false }: { children: ReactNode; mono?: boolean }) {
  return <td className={cn('whitespace-nowrap px-4 py-3 text-card-foreground', mono && 'font-mono text-xs')}>{children}</td>;
}
