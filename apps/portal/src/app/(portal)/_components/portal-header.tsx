import { ThemeToggle } from '@tollgate/ui';
import Link from 'next/link';
import { Brand } from '@/components/brand';
import { NavLink } from '@/components/nav-link';
import { SignOutButton } from '@/components/sign-out-button';
import type { TSessionUser } from '@/lib/auth/session-user';
import { PORTAL_LINKS } from './portal-links';
import { PortalMobileNav } from './portal-mobile-nav';

export function PortalHeader({ user }: { user: TSessionUser | null }) {
  return (
    <header className="border-b border-border bg-card">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-3 px-4 sm:gap-6 sm:px-6">
        <div className="flex items-center gap-2 md:gap-8">
          <PortalMobileNav />
          <Brand suffix="Developer portal" />
          <nav aria-label="Developer portal" className="hidden items-center gap-1 md:flex">
            {PORTAL_LINKS.map((link) => (
              <NavLink key={link.href} href={link.href}>
                {link.label}
              </NavLink>
            ))}
          </nav>
        </div>
        <div className="flex items-center gap-3">
          <ThemeToggle />
          {user && user.role !== 'developer' ? (
            <Link href="/admin" className="rounded-md px-3 py-1.5 text-sm font-medium text-primary hover:bg-primary/10">
              Admin console
            </Link>
          ) : null}
          {user ? (
            <>
              <span className="hidden text-sm text-muted-foreground sm:inline">{user.email}</span>
              <SignOutButton className="text-muted-foreground hover:bg-muted hover:text-foreground" />
            </>
          ) : (
            <Link href="/signin" className="rounded-md bg-primary px-3 py-1.5 text-sm font-medium text-primary-foreground hover:bg-primary/90">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
