import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';
import { PageHeader } from '@/components/page-header';
import { requireAdmin } from '@/lib/auth/require-admin';

export const metadata: Metadata = { title: 'Usage' };

export default async function AdminUsagePage() {
  await requireAdmin('/admin/usage');
  return (
    <div className="space-y-8">
      <PageHeader title="Usage" description="Traffic through the gateway, from the per-minute rollups." />
      <ComingSoon title="Usage analytics">
        Requests, units, errors and latency by API, route, app, key and plan, with shadow and zombie endpoints found by discovery. Until then:
        <code className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">npx tollgate usage --json</code>.
      </ComingSoon>
    </div>
  );
}
