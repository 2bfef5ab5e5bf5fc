'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** A navigation link that marks itself current; `exact` for index routes like `/` and `/admin`. */
export function NavLink({ href, exact = false, variant = 'light', children }: { href: string; exact?: boolean; variant?: 'light' | 'dark'; children: ReactNode }) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  const styles =
    variant === 'dark'
      ? active
        ? 'bg-slate-800 text-white'
        : 'text-slate-300 hover:bg-slate-800/60 hover:text-white'
      : active
        ? 'bg-muted text-foreground'
        : 'text-muted-foreground hover:bg-muted hover:text-foreground';
  return (
    <Link href={href} aria-current={active ? 'page' : undefined} className={`rounded-md px-3 py-2 text-sm font-medium transition-colors ${styles}`}>
      {children}
    </Link>
  );
}
