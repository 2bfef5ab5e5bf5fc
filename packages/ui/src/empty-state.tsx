import type { ReactNode } from 'react';
import { cn } from './cn';

export type EmptyStateProps = { title: string; children?: ReactNode; icon?: ReactNode; action?: ReactNode; className?: string };

/** What a list shows when it has nothing yet, with the next step to take. */
export function EmptyState({ title, children, icon, action, className }: EmptyStateProps) {
  return (
    <div className={cn('grid justify-items-center gap-2 rounded-xl border border-border bg-card px-6 py-10 text-center', className)}>
      {icon ? <div className="text-muted-foreground [&_svg]:size-8" aria-hidden="true">{icon}</div> : null}
      <p className="text-sm font-medium text-card-foreground">{title}</p>
      {children ? <div className="max-w-md text-sm text-muted-foreground">{children}</div> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
