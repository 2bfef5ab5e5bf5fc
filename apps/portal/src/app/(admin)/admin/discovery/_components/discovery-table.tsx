'use client';

import type { TDiscoveredEndpoint } from '@tollgate/contracts';
import { DataTable, type DataTableColumn, type DropdownMenuItem } from '@tollgate/ui';
import { useState } from 'react';
import { Timestamp } from '../../_components/timestamp';
import { DISCOVERY_TABLE, KIND_OPTIONS, METHOD_OPTIONS, STATE_OPTIONS } from './discovery-table-params';
import { EndpointActionDialog, type EndpointAction } from './endpoint-action-dialog';
import { EndpointFlags } from './endpoint-flags';
import { KindBadge } from './kind-badge';
import { StatusMix } from './status-mix';

const muted = <span className="text-muted-foreground">—</span>;

const columns: DataTableColumn<TDiscoveredEndpoint>[] = [
  {
    id: 'endpoint',
    header: 'Endpoint',
    cell: ({ row }) => (
      <span className="flex items-center gap-2">
        <span className="w-14 shrink-0 font-mono text-xs font-semibold">{row.original.method}</span>
        <code className="font-mono text-xs">{row.original.path}</code>
        {row.original.host ? <span className="text-xs text-muted-foreground">on {row.original.host}</span> : null}
      </span>
    ),
  },
  {
    accessorKey: 'kind',
    header: 'Kind',
    cell: ({ row }) => (
      <span className="flex flex-col items-start gap-0.5">
        <KindBadge kind={row.original.kind} />
        {row.original.reason ? <span className="text-xs text-muted-foreground">{row.original.reason}</span> : null}
      </span>
    ),
  },
  { id: 'flags', header: 'Flags', cell: ({ row }) => <EndpointFlags endpoint={row.original} /> },
  { accessorKey: 'hits', header: 'Hits', cell: ({ row }) => <span className="tabular-nums">{row.original.hits.toLocaleString('en')}</span> },
  { accessorKey: 'consumers', header: 'Consumers', cell: ({ row }) => <span className="tabular-nums">{row.original.consumers.toLocaleString('en')}</span> },
  { id: 'statuses', header: 'Statuses', cell: ({ row }) => <StatusMix statuses={row.original.statuses} /> },
  { accessorKey: 'firstSeenAt', header: 'First seen', cell: ({ row }) => (row.original.firstSeenAt ? <Timestamp iso={row.original.firstSeenAt} /> : muted) },
  { accessorKey: 'lastSeenAt', header: 'Last seen', cell: ({ row }) => (row.original.lastSeenAt ? <Timestamp iso={row.original.lastSeenAt} /> : <span className="text-muted-foreground">never</span>) },
];

type Pending = { action: EndpointAction; endpoint: TDiscoveredEndpoint };

/** The inventory with its filters in the URL; each row's actions ask before they act. */
export function DiscoveryTable({ endpoints, nextCursor, apis, empty }: { endpoints: TDiscoveredEndpoint[]; nextCursor: string | null; apis: string[]; empty: string }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const open = (action: EndpointAction, endpoint: TDiscoveredEndpoint) => () => setPending({ action, endpoint });
  return (
    <>
      <DataTable
        caption="Discovered endpoints"
        columns={columns}
        rows={endpoints}
        params={DISCOVERY_TABLE}
        nextCursor={nextCursor}
        getRowId={(endpoint) => endpoint.id ?? `${endpoint.method} ${endpoint.path}`}
        searchLabel="Search templates"
        filters={[
          { id: 'kind', label: 'Kind', options: KIND_OPTIONS },
          { id: 'method', label: 'Method', options: METHOD_OPTIONS },
          { id: 'status', label: 'Status', options: STATE_OPTIONS },
        ]}
        rowLabel={(endpoint) => `${endpoint.method} ${endpoint.path}`}
        rowActions={(endpoint) => rowActions(endpoint, open)}
        empty={empty}
      />
      {pending ? (
        <EndpointActionDialog
          key={`${pending.action} ${pending.endpoint.id}`}
          action={pending.action}
          endpoint={pending.endpoint}
          apis={apis}
          mergeTargets={endpoints.filter((other) => other.id !== null && other.kind !== 'orphan' && other.host === pending.endpoint.host && other.path !== pending.endpoint.path)}
          onClose={() => setPending(null)}
        />
      ) : null}
    </>
  );
}

function rowActions(endpoint: TDiscoveredEndpoint, open: (action: EndpointAction, endpoint: TDiscoveredEndpoint) => () => void): DropdownMenuItem[] {
  const ignore: DropdownMenuItem = endpoint.ignored ? { label: 'Take back', onSelect: open('unignore', endpoint) } : { label: 'Ignore', onSelect: open('ignore', endpoint) };
  if (endpoint.kind === 'orphan' || endpoint.id === null) return [ignore];
  const templated = /\{[^}]+\}/.test(endpoint.path);
  return [
    ...(endpoint.promoted ? [] : [{ label: 'Promote to the catalog', onSelect: open('promote', endpoint) }]),
    endpoint.blocked !== null ? { label: 'Unblock', onSelect: open('unblock', endpoint) } : { label: 'Block…', destructive: true, onSelect: open('block', endpoint) },
    ignore,
    { type: 'separator' },
    { label: 'Split template', disabled: !templated, onSelect: open('split', endpoint) },
    { label: 'Merge into…', onSelect: open('merge', endpoint) },
  ];
}
