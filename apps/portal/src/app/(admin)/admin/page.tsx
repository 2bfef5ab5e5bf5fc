import { PageHeader } from '@tollgate/ui';
import { getOverview, listAuditLog, listGateways } from '@tollgate/operations';
import type { Metadata } from 'next';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { GatewaysSummary } from './_components/gateways-summary';
import { RecentAudit } from './_components/recent-audit';
import { StatCard } from './_components/stat-card';

export const metadata: Metadata = { title: 'Overview' };

export default async function AdminOverviewPage() {
  const [overview, gateways, audit] = await Promise.all([
    readAsAdmin(getOverview, {}),
    readAsAdmin(listGateways, { limit: 100 }),
    readAsAdmin(listAuditLog, { limit: 8 }),
  ]);
  const now = Date.now();
  const { apis, subscriptions } = overview;
  const apiDetail = [`${apis.published} published`, `${apis.draft} draft`, apis.deprecated ? `${apis.deprecated} deprecated` : null, apis.retired ? `${apis.retired} retired` : null];
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title="Overview" description="What this Tollgate serves right now." className="mb-0" />
      <section aria-label="Counts" className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3">
        <StatCard label="APIs" value={apis.total} detail={apiDetail.filter(Boolean).join(' · ')} href="/admin/apis" />
        <StatCard label="Plans" value={overview.plans} href="/admin/plans" />
        <StatCard label="Teams" value={overview.teams} href="/admin/teams" />
        <StatCard label="Apps" value={overview.apps} detail={`${subscriptions.active} active ${subscriptions.active === 1 ? 'subscription' : 'subscriptions'}`} href="/admin/apps" />
        <StatCard
          label="Pending subscriptions"
          value={subscriptions.pending}
          detail={subscriptions.pending > 0 ? 'Waiting for your approval' : 'None waiting for approval'}
          href="/admin/subscriptions?status=pending"
          tone={subscriptions.pending > 0 ? 'attention' : 'default'}
        />
        <StatCard label="Keys" value={overview.activeKeys} detail="active (not revoked or expired)" href="/admin/keys" />
      </section>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <GatewaysSummary gateways={gateways.items} />
        <RecentAudit entries={audit.items} now={now} />
      </div>
    </div>
  );
}
