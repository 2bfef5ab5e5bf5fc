import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/require-user';
import { listUserApps } from '@/server/apps/list-user-apps';

/**
 * Decides the 404 before anything is sent: the page below streams behind its loading state,
 * which would otherwise answer 200 first. An app outside the caller's teams is a 404, like one
 * that does not exist.
 */
export default async function AppUsageLayout({ children, params }: { children: ReactNode; params: Promise<{ app: string }> }) {
  const { app: slug } = await params;
  const user = await requireUser(`/usage/${slug}`);
  if (!(await listUserApps(user.id)).some((app) => app.slug === slug)) notFound();
  return children;
}
