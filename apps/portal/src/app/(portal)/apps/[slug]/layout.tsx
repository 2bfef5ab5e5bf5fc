import type { ReactNode } from 'react';
import { loadTeamApp } from './_components/load-team-app';

/**
 * Decides the 404 before anything is sent: the page below streams behind its loading state,
 * which would otherwise answer 200 first. Another team's app is a 404, like one that does not exist.
 */
export default async function AppLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await loadTeamApp(slug);
  return children;
}
