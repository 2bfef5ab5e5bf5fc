import { listTeams } from '@tollgate/operations';
import { EmptyState, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import { Users } from 'lucide-react';
import type { Metadata } from 'next';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { TeamFormDialog } from './_components/team-form-dialog';
import { TeamsTable } from './_components/teams-table';
import { TEAMS_TABLE } from './_components/teams-table-params';

export const metadata: Metadata = { title: 'Teams' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminTeamsPage({ searchParams }: Props) {
  const state = parseTableSearchParams(await searchParams, TEAMS_TABLE);
  const page = await readAsAdmin(listTeams, { limit: state.pageSize, ...(state.cursor ? { cursor: state.cursor } : {}), ...(state.q ? { q: state.q } : {}) }, '/admin/teams').catch(async (error: unknown) => {
    if ((error as { code?: string }).code !== 'invalid_params') throw error;
    return readAsAdmin(listTeams, { limit: state.pageSize }, '/admin/teams');
  });
  const filtered = Boolean(state.q || state.cursor);
  return (
    <div className="grid gap-6">
      <PageHeader title="Teams" className="mb-0" description="The developer teams, their apps, subscriptions and keys." actions={<TeamFormDialog />} />
      {page.items.length === 0 && !filtered ? (
        <EmptyState title="No teams yet" icon={<Users />} action={<TeamFormDialog />}>
          Developers create their team when they sign up; you can create one here too.
        </EmptyState>
      ) : (
        <TeamsTable teams={page.items} nextCursor={page.next_cursor} />
      )}
    </div>
  );
}
