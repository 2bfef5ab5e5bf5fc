import Link from 'next/link';
import { Brand } from '@/components/brand';
import { NavLink } from '@/components/nav-link';
import { SignOutButton } from '@/components/sign-out-button';
import type { TSessionUser } from '@/lib/auth/session-user';

const LINKS = [
  { href: '/admin', label: 'Overview', exact: true },
  { href: '/admin/apis', label: 'APIs' },
  { href: '/admin/plans', label: 'Plans' },
  { href: '/admin/teams', label: 'Teams' },
  { href: '/admin/keys', label: 'Keys' },
  { href: '/admin/usage', label: 'Usage' },
];

export function AdminSidebar({ admin }: { admin: TSessionUser }) {
  return (
    <aside className="flex w-60 shrink-0 flex-col bg-slate-900 px-4 py-6">
      <div className="px-2">
        <Brand href="/admin" suffix="Console" dark />
      </div>
      <nav aria-label="Admin console" className="mt-8 flex flex-col gap-1">
        {LINKS.map((link) => (
          <NavLink key={link.href} href={link.href} exact={link.exact} variant="dark">
            {link.label}
          </NavLink>
        ))}
      </nav>
      <div className="mt-auto space-y-3 border-t border-slate-800 px-2 pt-4">
        <Link href="/" className="block text-sm text-slate-400 hover:text-white">
          Developer portal →
        </Link>
        <div className="truncate text-xs text-slate-400" title={admin.email}>
          {admin.email}
        </div>
        <SignOutButton className="-ml-3 text-slate-300 hover:bg-slate-800 hover:text-white" />
      </div>
    </aside>
  );
}
