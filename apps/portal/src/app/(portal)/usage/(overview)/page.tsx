import type { Metadata } from 'next';
import type { SearchParams } from 'nuqs/server';
import { requireUser } from '@/lib/auth/require-user';
import { listUserApps } from '@/server/apps/list-user-apps';
import { loadUsageSearchParams } from '../_components/usage-search-params';
import { UsageView } from '../_components/usage-view';

export const metadata: Metadata = { title: 'Usage' };

export default async function UsagePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser('/usage');
  const { range, key } = await loadUsageSearchParams(searchParams);
  const apps = await listUserApps(user.id);
  return <UsageView range={range} app={null} apps={apps} keyId={key} />;
}
