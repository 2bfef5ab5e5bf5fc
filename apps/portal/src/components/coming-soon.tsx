import { Badge } from '@tollgate/ui';
import type { ReactNode } from 'react';

/** A clearly marked panel for what a page will do next. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-xl border border-dashed border-input bg-card/60 p-6">
      <div className="flex items-center gap-2">
        <Badge tone="warning" className="rounded-full">
          Coming next
        </Badge>
        <h2 className="text-sm font-semibold text-card-foreground">{title}</h2>
      </div>
      <div className="mt-2 text-sm text-muted-foreground">{children}</div>
    </section>
  );
}
