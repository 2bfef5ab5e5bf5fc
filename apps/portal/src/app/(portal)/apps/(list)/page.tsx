import { listTeamApps, listTeamNotifications } from '@tollgate/operations';
import { EmptyState, PageHeader } from '@tollgate/ui';
import { Users } from 'lucide-react';
import type { Metadata } from 'next';
import { readAsDeveloper } from '@/lib/auth/developer-principal';
import { AppsTable } from '../_components/apps-table';
import { NewAppDialog } from '../_components/new-app-dialog';
import { NotificationsPanel } from '../_components/notifications-panel';

export const metadata: Metadata = { title: 'Apps' };

export default async function AppsPage() {
  const [{ teams, apps }, notifications] = await Promise.all([readAsDeveloper(listTeamApps, {}, '/apps'), readAsDeveloper(listTeamNotifications, { limit: 10 }, '/apps')]);
  return (
    <div className="grid gap-8">
      <PageHeader
        className="mb-0"
        title="Apps"
        description="Apps of your teams. Each app subscribes to APIs on a plan and holds the keys that call them."
        actions={teams.length > 0 ? <NewAppDialog teams={teams} /> : null}
      />
      {teams.length === 0 ? (
        <EmptyState title="You are in no team yet" icon={<Users />}>
          Apps belong to teams. Ask a team owner to invite you, or an admin to add you to a team.
        </EmptyState>
      ) : (
        <AppsTable apps={apps} showTeam={teams.length > 1} />
      )}
      <NotificationsPanel notifications={notifications.items} unread={notifications.unread} />
    </div>
  );
}
