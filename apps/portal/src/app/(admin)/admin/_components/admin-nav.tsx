'use client';

import { cn, focusRing } from '@tollgate/ui';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useId } from 'react';
import { ADMIN_NAV_GROUPS, isCurrent, type AdminNavGroup } from './admin-nav-groups';

/** The console's navigation, grouped; the current area is marked for eyes (colour and bar) and screen readers (aria-current). */
export function AdminNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin console" className="grid gap-5">
      {ADMIN_NAV_GROUPS.map((group, index) => (
        <NavGroup key={group.label ?? index} group={group} pathname={pathname} onNavigate={onNavigate} />
      ))}
    </nav>
  );
}

function NavGroup({ group, pathname, onNavigate }: { group: AdminNavGroup; pathname: string; onNavigate?: () => void }) {
  const labelId = useId();
  return (
    <div className="grid gap-1">
      {group.label ? (
        <p id={labelId} className="px-3 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
          {group.label}
        </p>
      ) : null}
      <ul className="grid gap-0.5" aria-labelledby={group.label ? labelId : undefined}>
        {group.items.map((item) => {
          const current = isCurrent(item, pathname);
          const Icon = item.icon;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                onClick={onNavigate}
                className={cn(
                  'relative flex items-center gap-2.5 rounded-md px-3 py-1.5 text-sm font-medium transition-colors',
                  focusRing,
                  current ? 'bg-primary/10 text-primary before:absolute before:inset-y-1.5 before:left-0 before:w-0.5 before:rounded-full before:bg-primary' : 'text-muted-foreground hover:bg-muted hover:text-foreground',
                )}
              >
                <Icon className="size-4 shrink-0" aria-hidden="true" />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
