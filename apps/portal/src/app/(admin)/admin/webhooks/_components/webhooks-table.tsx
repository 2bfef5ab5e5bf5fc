'use client';

import type { TWebhookSummary } from '@tollgate/contracts';
import { Badge, DataTable, type DataTableColumn } from '@tollgate/ui';
import Link from 'next/link';
import { Timestamp } from '../../_components/timestamp';
import { eventsLabel } from './event-type-options';
import { WEBHOOKS_TABLE } from './webhooks-table-spec';

const columns: DataTableColumn<TWebhookSummary>[] = [
  {
    accessorKey: 'url',
    header: 'URL',
    cell: ({ row }) => (
      <Link href={`/admin/webhooks/${row.original.id}`} className="font-mono text-xs text-primary underline-offset-4 hover:underline">
        {row.original.url}
      </Link>
    ),
  },
  { id: 'events', header: 'Events', cell: ({ row }) => eventsLabel(row.original.events) },
  { accessorKey: 'team', header: 'Team', cell: ({ row }) => row.original.team ?? <span className="text-muted-foreground">every team</span> },
  { accessorKey: 'active', header: 'State', cell: ({ row }) => (row.original.active ? <Badge tone="success">active</Badge> : <Badge tone="warning">paused</Badge>) },
  { accessorKey: 'pending', header: 'Queued', cell: ({ row }) => <span className="tabular-nums">{row.original.pending}</span> },
  { accessorKey: 'dead', header: 'Dead letters', cell: ({ row }) => (row.original.dead > 0 ? <Badge tone="danger">{row.original.dead} dead</Badge> : <span className="tabular-nums">0</span>) },
  { accessorKey: 'createdAt', header: 'Created', cell: ({ row }) => <Timestamp iso={row.original.createdAt} /> },
];

export function WebhooksTable({ rows, nextCursor }: { rows: TWebhookSummary[]; nextCursor: string | null }) {
  return <DataTable caption="Webhooks" columns={columns} rows={rows} params={WEBHOOKS_TABLE} nextCursor={nextCursor} getRowId={(row) => row.id} empty="No webhooks on this page." />;
}
