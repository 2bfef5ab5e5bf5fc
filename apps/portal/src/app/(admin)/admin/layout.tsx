import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { requireAdmin } from '@/lib/auth/require-admin';
import { AdminSidebar } from './_components/admin-sidebar';

export const metadata: Metadata = { title: { default: 'Admin console', template: '%s · Admin · Tollgate' } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin();
  return (
    <div className="flex min-h-screen">
      <AdminSidebar admin={admin} />
      <main className="flex-1 overflow-x-hidden px-8 py-10">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
