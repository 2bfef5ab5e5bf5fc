import Link from 'next/link';
import { Brand } from '@/components/brand';
import { NavLink } from '@/components/nav-link';
import { SignOutButton } from '@/components/sign-out-button';
import type { TSessionUser } from '@/lib/auth/session-user';

const LINKS = [
  { href: '/apis', label: 'APIs' },
  { href: '/apps', label: 'Apps' },
  { href: '/usage', label: 'Usage' },
  { href: '/billing', label: 'Billing' },
];

export function PortalHeader({ user }: { user: TSessionUser | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-6 px-6">
        <div className="flex items-center gap-8">
          <Brand suffix="Developer portal" />
          <nav aria-label="Developer portal" className="hidden items-center gap-1 md:flex">
            {LINKS.map((link) => (
              <NavLink key={link.href} href={link.href}>
                {link.label}
              </NavLink>
            ))}
          </nav>
        </div>
        <div className="flex items-center gap-3">
          {user?.role === 'admin' ? (
            <Link href="/admin" className="rounded-md px-3 py-1.5 text-sm font-medium text-indigo-600 hover:bg-indigo-50">
              Admin console
            </Link>
          ) : null}
          {user ? (
            <>
              <span className="hidden text-sm text-slate-500 sm:inline">{user.email}</span>
              <SignOutButton className="text-slate-600 hover:bg-slate-100" />
            </>
          ) : (
            <Link href="/signin" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
