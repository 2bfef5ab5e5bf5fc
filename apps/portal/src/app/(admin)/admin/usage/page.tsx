import type { Metadata } from 'next';
import type { SearchParams } from 'nuqs/server';
import { getAdminPrincipal } from '@/lib/auth/admin-principal';
import { loadAnalyticsSearchParams } from './_components/analytics-search-params';
import { AnalyticsView } from './_components/analytics-view';

export const metadata: Metadata = { title: 'Usage' };

export default async function AdminUsagePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await getAdminPrincipal('/admin/usage');
  const view = await loadAnalyticsSearchParams(searchParams);
  return <AnalyticsView title="Usage" description="Traffic through the gateways, from the usage rollups: outcomes, latency and the busiest APIs and consumers." path="/admin/usage" view={view} />;
}
