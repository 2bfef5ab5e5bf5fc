import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { SearchParams } from 'nuqs/server';
import { requireUser } from '@/lib/auth/require-user';
import { listUserApps } from '@/server/apps/list-user-apps';
import { loadUsageSearchParams } from '../_components/usage-search-params';
import { UsageView } from '../_components/usage-view';

export const metadata: Metadata = { title: 'Usage' };

/** One app's usage; an app outside the caller's teams is a 404 like one that does not exist. */
export default async function AppUsagePage({ params, searchParams }: { params: Promise<{ app: string }>; searchParams: Promise<SearchParams> }) {
  const { app: slug } = await params;
  const user = await requireUser(`/usage/${slug}`);
  const { range, key } = await loadUsageSearchParams(searchParams);
  const apps = await listUserApps(user.id);
  const app = apps.find((item) => item.slug === slug);
  if (!app) notFound();
  return <UsageView range={range} app={app} apps={apps} keyId={key} />;
}
