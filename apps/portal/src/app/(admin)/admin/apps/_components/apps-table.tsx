'use client';

import type { TAppResource } from '@tollgate/contracts';
import { DataTable, type DataTableColumn, type TableParamsSpec } from '@tollgate/ui';
import Link from 'next/link';
import { APPS_TABLE } from './apps-table-params';

const columns: DataTableColumn<TAppResource>[] = [
  {
    accessorKey: 'name',
    header: 'Name',
    cell: ({ row }) => (
      <Link href={`/admin/apps/${row.original.slug}`} className="font-medium text-primary underline-offset-4 hover:underline focus-visible:underline">
        {row.original.name}
      </Link>
    ),
  },
  { accessorKey: 'slug', header: 'Slug', cell: ({ row }) => <code className="font-mono text-xs">{row.original.slug}</code> },
  { accessorKey: 'team', header: 'Team', cell: ({ row }) => <Link href={`/admin/teams/${row.original.team}`} className="underline-offset-4 hover:underline focus-visible:underline">{row.original.team}</Link> },
  { accessorKey: 'description', header: 'Description', cell: ({ row }) => <span className="block max-w-72 truncate text-muted-foreground">{row.original.description || '—'}</span> },
  { accessorKey: 'createdAt', header: 'Created', cell: ({ row }) => <time dateTime={row.original.createdAt}>{row.original.createdAt.slice(0, 10)}</time> },
];

export function AppsTable({ apps, nextCursor, teams = [], params = APPS_TABLE, caption = 'Apps' }: { apps: TAppResource[]; nextCursor: string | null; teams?: string[]; params?: TableParamsSpec; caption?: string }) {
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={apps}
      params={params}
      nextCursor={nextCursor}
      getRowId={(app) => app.id}
      searchLabel={params === APPS_TABLE ? 'Search apps by name or slug' : undefined}
      filters={params === APPS_TABLE ? [{ id: 'team', label: 'Team', options: teams.map((slug) => ({ value: slug, label: slug })) }] : undefined}
      empty="No app here yet."
    />
  );
}
