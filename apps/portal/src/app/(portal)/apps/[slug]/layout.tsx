import { getTeamApp } from '@tollgate/operations';
import type { ReactNode } from 'react';
import { readAsDeveloper } from '@/lib/auth/developer-principal';
import { notFoundOnMissing } from '@/lib/not-found-on-missing';

/**
 * Decides the 404 before anything is sent: the page below streams behind its loading state,
 * which would otherwise answer 200 first. Another team's app is a 404, like one that does not exist.
 */
export default async function AppLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await readAsDeveloper(getTeamApp, { app: slug }, `/apps/${slug}`).catch(notFoundOnMissing);
  return children;
}
