'use client';

import { CopyButton } from '@tollgate/ui';
import { TriangleAlert } from 'lucide-react';

/** A secret shown the one time it exists in clear: copy it now, it is not stored readable. */
export function SecretOnce({ label, value, children }: { label: string; value: string; children?: React.ReactNode }) {
  return (
    <div className="grid gap-3">
      <p role="alert" className="flex items-start gap-2 rounded-md border border-warning/30 bg-warning/10 px-3 py-2 text-sm text-foreground">
        <TriangleAlert className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden="true" />
        <span>
          Copy this {label.toLowerCase()} now: <strong>you will not see it again</strong>. {children}
        </span>
      </p>
      <div className="flex items-center gap-2 rounded-md border border-border bg-muted px-3 py-2">
        <code aria-label={label} className="min-w-0 flex-1 break-all font-mono text-sm text-foreground">
          {value}
        </code>
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}
