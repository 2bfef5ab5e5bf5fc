import { useId, type ReactNode } from 'react';

export type DetailSectionProps = { title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode };

/** A titled part of a detail page; no padding of its own, so a table inside keeps a phone's full width. */
export function DetailSection({ title, description, actions, children }: DetailSectionProps) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <h2 id={id} className="text-base font-semibold text-foreground">
            {title}
          </h2>
          {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
