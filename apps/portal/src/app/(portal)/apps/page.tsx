import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { Table, Td } from '@/components/table';
import { requireUser } from '@/lib/auth/require-user';
import { listUserApps } from '@/server/apps/list-user-apps';

export const metadata: Metadata = { title: 'Apps' };

export default async function AppsPage() {
  const user = await requireUser('/apps');
  const apps = await listUserApps(user.id);
  return (
    <div className="space-y-8">
      <PageHeader title="Apps" description="Apps of your teams. Each app holds its subscriptions and API keys." />
      {apps.length === 0 ? (
        <EmptyState title="No apps yet">You are not in a team with apps. An admin can add you to a team.</EmptyState>
      ) : (
        <Table head={['App', 'Slug', 'Team', 'Subscriptions', 'Active keys']}>
          {apps.map((app) => (
            <tr key={app.id}>
              <Td>
                <span className="font-medium text-slate-900">{app.name}</span>
              </Td>
              <Td mono>{app.slug}</Td>
              <Td>{app.team.name}</Td>
              <Td>{app._count.subscriptions}</Td>
              <Td>{app._count.keys}</Td>
            </tr>
          ))}
        </Table>
      )}
      <ComingSoon title="Create apps and keys">Create apps, subscribe them to plans, and create, rotate and revoke API keys here.</ComingSoon>
    </div>
  );
}
