'use client';

import type { TTeamResource } from '@tollgate/contracts';
import { Badge, DataTable, type DataTableColumn } from '@tollgate/ui';
import Link from 'next/link';
import { TEAMS_TABLE } from './teams-table-params';

const columns: DataTableColumn<TTeamResource>[] = [
  {
    accessorKey: 'name',
    header: 'Name',
    cell: ({ row }) => (
      <Link href={`/admin/teams/${row.original.slug}`} className="font-medium text-primary underline-offset-4 hover:underline focus-visible:underline">
        {row.original.name}
      </Link>
    ),
  },
  { accessorKey: 'slug', header: 'Slug', cell: ({ row }) => <code className="font-mono text-xs">{row.original.slug}</code> },
  { accessorKey: 'partner', header: 'Partner', cell: ({ row }) => (row.original.partner ? <Badge tone="info">partner</Badge> : <span className="text-muted-foreground">no</span>) },
  { accessorKey: 'createdAt', header: 'Created', cell: ({ row }) => <time dateTime={row.original.createdAt}>{row.original.createdAt.slice(0, 10)}</time> },
];

export function TeamsTable({ teams, nextCursor }: { teams: TTeamResource[]; nextCursor: string | null }) {
  return <DataTable caption="Teams" columns={columns} rows={teams} params={TEAMS_TABLE} nextCursor={nextCursor} getRowId={(team) => team.id} searchLabel="Search teams by name or slug" empty="No team matches." />;
}
