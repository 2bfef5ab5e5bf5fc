import { TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from './cn';

export type ErrorStateProps = { title?: string; children?: ReactNode; requestId?: string; action?: ReactNode; className?: string };

/** A failure told plainly, with the request id to quote and a way to try again. */
export function ErrorState({ title = 'Something went wrong', children, requestId, action, className }: ErrorStateProps) {
  return (
    <div role="alert" className={cn('grid justify-items-center gap-2 rounded-xl border border-destructive/30 bg-card px-6 py-10 text-center', className)}>
      <TriangleAlert className="size-8 text-destructive" aria-hidden="true" />
      <p className="text-sm font-medium text-card-foreground">{title}</p>
      {children ? <div className="max-w-md text-sm text-muted-foreground">{children}</div> : null}
      {requestId ? (
        <p className="text-xs text-muted-foreground">
          Request id <code className="font-mono">{requestId}</code>
        </p>
      ) : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
