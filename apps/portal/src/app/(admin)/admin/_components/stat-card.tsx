import { cn, focusRing } from '@tollgate/ui';
import Link from 'next/link';
import type { ReactNode } from 'react';

export type StatCardProps = { label: string; value: number; detail?: ReactNode; href: string; tone?: 'default' | 'attention' };

/** One count on the overview, linking to the page that lists what it counts. */
export function StatCard({ label, value, detail, href, tone = 'default' }: StatCardProps) {
  return (
    <Link
      href={href}
      className={cn(
        'group block rounded-xl border bg-card p-4 shadow-sm sm:p-5 transition-colors hover:border-primary/50',
        tone === 'attention' ? 'border-warning/50' : 'border-border',
        focusRing,
      )}
    >
      <dl>
        <dt className="text-sm font-medium text-muted-foreground group-hover:text-primary">{label}</dt>
        <dd className="mt-1 text-2xl font-semibold sm:mt-2 sm:text-3xl tabular-nums text-card-foreground" data-stat={label}>
          {value}
        </dd>
        {detail ? <dd className="mt-1 text-xs text-muted-foreground">{detail}</dd> : null}
      </dl>
    </Link>
  );
}
