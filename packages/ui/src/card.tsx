import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

export type CardProps = Omit<ComponentProps<'section'>, 'title'> & { title?: ReactNode; description?: ReactNode; actions?: ReactNode };

/** A bordered surface; with a title it is a labelled section. */
export function Card({ title, description, actions, className, children, ...props }: CardProps) {
  return (
    <section className={cn('rounded-xl border border-border bg-card text-card-foreground shadow-sm', className)} {...props}>
      {title || actions ? (
        <header className="flex flex-wrap items-start justify-between gap-3 border-b border-border px-5 py-4">
          <div className="grid gap-1">
            {title ? <h2 className="text-sm font-semibold">{title}</h2> : null}
            {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
          </div>
          {actions}
        </header>
      ) : null}
      <div className="p-5">{children}</div>
    </section>
  );
}
