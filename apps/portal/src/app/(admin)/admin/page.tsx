import { ComingSoon } from '@/components/coming-soon';
import { PageHeader } from '@/components/page-header';
import { requireAdmin } from '@/lib/auth/require-admin';
import { getOverviewCounts } from '@/server/admin/get-overview-counts';
import { StatCard } from './_components/stat-card';

export default async function AdminOverviewPage() {
  await requireAdmin();
  const counts = await getOverviewCounts();
  return (
    <div className="space-y-10">
      <PageHeader title="Overview" description="What this Tollgate serves right now." />
      <section aria-label="Counts" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="APIs" value={counts.apis} detail={`${counts.publishedApis} published`} href="/admin/apis" />
        <StatCard label="Plans" value={counts.plans} href="/admin/plans" />
        <StatCard label="Apps" value={counts.apps} detail={`in ${counts.teams} ${counts.teams === 1 ? 'team' : 'teams'}`} href="/admin/teams" />
        <StatCard label="Keys" value={counts.activeKeys} detail="active" href="/admin/keys" />
      </section>
      <ComingSoon title="Traffic at a glance">Requests, error rate and latency across the gateway for the last 24 hours, and gateways that lag behind the config.</ComingSoon>
    </div>
  );
}
