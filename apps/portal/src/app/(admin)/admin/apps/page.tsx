import { listApps, listTeams } from '@tollgate/operations';
import { EmptyState, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import { AppWindow } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { AppsTable } from './_components/apps-table';
import { APPS_TABLE } from './_components/apps-table-params';

export const metadata: Metadata = { title: 'Apps' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminAppsPage({ searchParams }: Props) {
  const state = parseTableSearchParams(await searchParams, APPS_TABLE);
  const query = { limit: state.pageSize, ...(state.cursor ? { cursor: state.cursor } : {}), ...(state.q ? { q: state.q } : {}), ...state.filters };
  const page = await readAsAdmin(listApps, query, '/admin/apps').catch(async (error: unknown) => {
    if ((error as { code?: string }).code !== 'invalid_params') throw error;
    return readAsAdmin(listApps, { limit: state.pageSize }, '/admin/apps');
  });
  const teams = await readAsAdmin(listTeams, { limit: 100 }, '/admin/apps');
  const filtered = Boolean(state.q || state.cursor || Object.keys(state.filters).length);
  return (
    <div className="grid gap-6">
      <PageHeader title="Apps" className="mb-0" description="Every team's apps: open one to see its subscriptions and keys." />
      {page.items.length === 0 && !filtered ? (
        <EmptyState title="No apps yet" icon={<AppWindow />}>
          Apps belong to a team: open a team on the <Link href="/admin/teams" className="text-primary underline">Teams</Link> page to add one.
        </EmptyState>
      ) : (
        <AppsTable apps={page.items} nextCursor={page.next_cursor} teams={teams.items.map((team) => team.slug)} />
      )}
    </div>
  );
}
