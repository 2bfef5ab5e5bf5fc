import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';
import { PageHeader } from '@/components/page-header';
import { requireUser } from '@/lib/auth/require-user';
import { listUserApps } from '@/server/apps/list-user-apps';

export const metadata: Metadata = { title: 'Usage' };

export default async function UsagePage() {
  const user = await requireUser('/usage');
  const apps = await listUserApps(user.id);
  return (
    <div className="space-y-8">
      <PageHeader title="Usage" description="Requests and units your apps sent through the gateway." />
      <p className="text-sm text-slate-600">
        {apps.length === 1 ? '1 app' : `${apps.length} apps`} in your teams{apps.length ? `: ${apps.map((app) => app.name).join(', ')}` : ''}.
      </p>
      <ComingSoon title="Usage charts">Requests, errors and latency per app, API and key, by minute, hour and day, with quota progress for each subscription.</ComingSoon>
    </div>
  );
}
