'use client';

import type { TApiResource } from '@tollgate/contracts';
import { DataTable, type DataTableColumn } from '@tollgate/ui';
import Link from 'next/link';
import { ApiStatusBadge } from './api-status-badge';
import { APIS_TABLE, STATUS_OPTIONS, VISIBILITY_OPTIONS } from './apis-table-params';

const columns: DataTableColumn<TApiResource>[] = [
  {
    accessorKey: 'name',
    header: 'Name',
    cell: ({ row }) => (
      <Link href={`/admin/apis/${row.original.slug}`} className="font-medium text-primary underline-offset-4 hover:underline focus-visible:underline">
        {row.original.name}
      </Link>
    ),
  },
  { accessorKey: 'slug', header: 'Slug', cell: ({ row }) => <code className="font-mono text-xs">{row.original.slug}</code> },
  { accessorKey: 'basePath', header: 'Base path', cell: ({ row }) => <code className="font-mono text-xs">{row.original.basePath}</code> },
  { accessorKey: 'visibility', header: 'Visibility' },
  { accessorKey: 'status', header: 'Status', cell: ({ row }) => <ApiStatusBadge status={row.original.status} /> },
  { accessorKey: 'updatedAt', header: 'Updated', cell: ({ row }) => <time dateTime={row.original.updatedAt}>{row.original.updatedAt.slice(0, 10)}</time> },
];

export function ApisTable({ apis, nextCursor }: { apis: TApiResource[]; nextCursor: string | null }) {
  return (
    <DataTable
      caption="APIs"
      columns={columns}
      rows={apis}
      params={APIS_TABLE}
      nextCursor={nextCursor}
      getRowId={(api) => api.id}
      searchLabel="Search APIs by name or slug"
      filters={[
        { id: 'status', label: 'Status', options: STATUS_OPTIONS },
        { id: 'visibility', label: 'Visibility', options: VISIBILITY_OPTIONS },
      ]}
      empty="No API matches these filters."
    />
  );
}
