import type { ReactNode } from 'react';
import { cn } from './cn';
import { CopyButton } from './copy-button';

export type CodeBlockProps = { code: string; label?: ReactNode; className?: string };

/** Preformatted code (a key, a curl line, a snippet) with a copy button; scrolls sideways rather than wrapping. */
export function CodeBlock({ code, label, className }: CodeBlockProps) {
  return (
    <figure className={cn('relative overflow-hidden rounded-lg border border-border bg-muted', className)}>
      {label ? <figcaption className="border-b border-border px-4 py-2 text-xs font-medium text-muted-foreground">{label}</figcaption> : null}
      <pre tabIndex={0} className="overflow-x-auto p-4 pr-12 font-mono text-xs leading-relaxed text-foreground outline-none focus-visible:ring-2 focus-visible:ring-ring">
        <code>{code}</code>
      </pre>
      <CopyButton value={code} className={cn('absolute right-2', label ? 'top-10' : 'top-2')} />
    </figure>
  );
}
