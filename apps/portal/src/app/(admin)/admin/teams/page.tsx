import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { requireAdmin } from '@/lib/auth/require-admin';
import { Table, Td } from '@/components/table';
import { formatDate } from '@/lib/format';
import { listTeams } from '@/server/teams/list-teams';

export const metadata: Metadata = { title: 'Teams' };

export default async function AdminTeamsPage() {
  await requireAdmin('/admin/teams');
  const teams = await listTeams();
  return (
    <div className="space-y-8">
      <PageHeader title="Teams" description="The developer teams and their apps." />
      {teams.length === 0 ? (
        <EmptyState title="No teams yet" />
      ) : (
        <Table head={['Name', 'Slug', 'Members', 'Apps', 'Created']}>
          {teams.map((team) => (
            <tr key={team.id}>
              <Td>
                <span className="font-medium text-slate-900">{team.name}</span>
              </Td>
              <Td mono>{team.slug}</Td>
              <Td>{team._count.members}</Td>
              <Td>{team._count.apps}</Td>
              <Td>{formatDate(team.createdAt)}</Td>
            </tr>
          ))}
        </Table>
      )}
      <ComingSoon title="Manage teams">Invite members, change roles and suspend apps here.</ComingSoon>
    </div>
  );
}
