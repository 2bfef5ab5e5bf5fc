import type { ReactNode } from 'react';
import { getSessionUser } from '@/lib/auth/get-session-user';
import { PortalHeader } from './_components/portal-header';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <div className="min-h-screen">
      <PortalHeader user={user} />
      <main className="mx-auto max-w-6xl px-6 py-10">{children}</main>
      <footer className="mx-auto max-w-6xl px-6 pb-10 text-xs text-muted-foreground">Tollgate · open-source API management</footer>
    </div>
  );
}
