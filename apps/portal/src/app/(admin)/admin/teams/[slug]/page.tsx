import { getTeam, listApps } from '@tollgate/operations';
import { Badge, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { DetailSection } from '../../apps/_components/detail-section';
import { AppsTable } from '../../apps/_components/apps-table';
import { TEAM_APPS_TABLE } from '../../apps/_components/apps-table-params';
import { NewAppDialog } from '../../apps/_components/new-app-dialog';
import { TeamFormDialog } from '../_components/team-form-dialog';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Team ${(await params).slug}` };
}

export default async function AdminTeamPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const returnTo = `/admin/teams/${slug}`;
  const team = await readAsAdmin(getTeam, { slug }, returnTo).catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code === 'not_found' || code === 'invalid_params') notFound();
    throw error;
  });
  const state = parseTableSearchParams(await searchParams, TEAM_APPS_TABLE);
  const apps = await readAsAdmin(listApps, { team: slug, limit: state.pageSize, ...(state.cursor ? { cursor: state.cursor } : {}) }, returnTo).catch(async (error: unknown) => {
    if ((error as { code?: string }).code !== 'invalid_params') throw error;
    return readAsAdmin(listApps, { team: slug, limit: state.pageSize }, returnTo);
  });
  return (
    <div className="grid gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/admin/teams" className="hover:text-foreground hover:underline">
          Teams
        </Link>{' '}
        / <span className="text-foreground">{team.slug}</span>
      </nav>
      <PageHeader
        title={team.name}
        className="mb-0"
        description={
          <span className="flex flex-wrap items-center gap-2">
            <code className="font-mono text-xs">{team.slug}</code>
            {team.partner ? <Badge tone="info">partner</Badge> : <span>· not a partner (partner-only APIs are closed to it)</span>}
            <span>· since {team.createdAt.slice(0, 10)}</span>
          </span>
        }
        actions={<TeamFormDialog team={team} />}
      />
      <DetailSection title="Apps" description="Open an app to manage its subscriptions and keys." actions={<NewAppDialog team={team.slug} />}>
        <AppsTable apps={apps.items} nextCursor={apps.next_cursor} params={TEAM_APPS_TABLE} caption={`Apps of ${team.name}`} />
      </DetailSection>
    </div>
  );
}
