import { Badge, ThemeToggle } from '@tollgate/ui';
import { Brand } from '@/components/brand';
import { SignOutButton } from '@/components/sign-out-button';
import type { TSessionUser } from '@/lib/auth/session-user';
import { MobileNav } from './mobile-nav';

/** The bar above every console page: the phone's menu, the theme, and who is signed in. */
export function AdminHeader({ admin }: { admin: TSessionUser }) {
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-border bg-background/90 px-3 backdrop-blur sm:px-6">
      <MobileNav />
      <div className="lg:hidden">
        <Brand href="/admin" suffix="Console" />
      </div>
      <div className="ml-auto flex items-center gap-1 sm:gap-2">
        <ThemeToggle />
        <div className="hidden min-w-0 items-center gap-2 border-l border-border pl-3 sm:flex">
          <span className="sr-only">Signed in as</span>
          <span className="max-w-56 truncate text-sm text-foreground" title={admin.email}>
            {admin.email}
          </span>
          <Badge>{admin.role}</Badge>
        </div>
        <SignOutButton className="text-foreground hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring" />
      </div>
    </header>
  );
}
