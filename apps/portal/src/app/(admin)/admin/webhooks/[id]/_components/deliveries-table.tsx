'use client';

import type { TWebhookDelivery } from '@tollgate/contracts';
import { Badge, Button, DataTable, toast, type BadgeTone, type DataTableColumn } from '@tollgate/ui';
import { RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { actionData } from '../../../apis/_components/action-result';
import { Timestamp } from '../../../_components/timestamp';
import { replayDeliveryAction } from '../../actions';
import { DELIVERIES_TABLE } from '../../_components/webhooks-table-spec';

const TONES: Record<TWebhookDelivery['status'], BadgeTone> = { pending: 'info', delivered: 'success', dead: 'danger' };
const STATUS_OPTIONS = [
  { value: 'dead', label: 'Dead letters' },
  { value: 'pending', label: 'Queued' },
  { value: 'delivered', label: 'Delivered' },
];
const none = <span className="text-muted-foreground">—</span>;

function ReplayButton({ delivery }: { delivery: TWebhookDelivery }) {
  const [pending, setPending] = useState(false);
  if (delivery.status === 'pending') return null;
  async function replay() {
    setPending(true);
    const queued = actionData(await replayDeliveryAction({ webhookId: delivery.webhookId, deliveryId: delivery.id }).finally(() => setPending(false)));
    if (queued) toast.success('Delivery queued again: the worker sends it on its next poll.');
  }
  return (
    <Button variant="secondary" size="sm" loading={pending} onClick={() => void replay()} aria-label={`Replay delivery ${delivery.recordId}`}>
      <RotateCcw aria-hidden="true" /> Replay
    </Button>
  );
}

const columns: DataTableColumn<TWebhookDelivery>[] = [
  { accessorKey: 'createdAt', header: 'Created', cell: ({ row }) => <Timestamp iso={row.original.createdAt} /> },
  { accessorKey: 'eventType', header: 'Event', cell: ({ row }) => <code className="font-mono text-xs">{row.original.eventType.replace(/^dev\.tollgate\./, '')}</code> },
  { accessorKey: 'recordId', header: 'Record', cell: ({ row }) => <code className="font-mono text-xs">{row.original.recordId}</code> },
  { accessorKey: 'status', header: 'Status', cell: ({ row }) => <Badge tone={TONES[row.original.status]}>{row.original.status === 'dead' ? 'dead letter' : row.original.status}</Badge> },
  { accessorKey: 'attempts', header: 'Attempts', cell: ({ row }) => <span className="tabular-nums">{row.original.attempts}</span> },
  { accessorKey: 'responseStatus', header: 'Response', cell: ({ row }) => (row.original.responseStatus ? <span className="tabular-nums">HTTP {row.original.responseStatus}</span> : none) },
  {
    accessorKey: 'lastError',
    header: 'Last error',
    cell: ({ row }) => (row.original.lastError ? <span className="block max-w-72 truncate" title={row.original.lastError}>{row.original.lastError}</span> : none),
  },
  { id: 'replay', header: () => <span className="sr-only">Replay</span>, cell: ({ row }) => <div className="flex justify-end"><ReplayButton delivery={row.original} /></div> },
];

export function DeliveriesTable({ rows, nextCursor, filtered }: { rows: TWebhookDelivery[]; nextCursor: string | null; filtered: boolean }) {
  return (
    <DataTable
      caption="Deliveries, newest first"
      columns={columns}
      rows={rows}
      params={DELIVERIES_TABLE}
      nextCursor={nextCursor}
      getRowId={(row) => row.id}
      filters={[{ id: 'status', label: 'Status', options: STATUS_OPTIONS }]}
      empty={filtered ? 'No delivery with this status.' : 'Nothing sent yet: deliveries appear when usage is recorded or a statement closes.'}
    />
  );
}
