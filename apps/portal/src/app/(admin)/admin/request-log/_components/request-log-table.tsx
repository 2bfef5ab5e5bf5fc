'use client';

import type { TRequestLogEntry } from '@tollgate/contracts';
import { DataTable, type DataTableColumn } from '@tollgate/ui';
import { formatInstant } from '../../_components/format-age';
import { formatLatency } from './format-request';
import { RequestLogDetails } from './request-log-details';
import { REQUEST_LOG_TABLE } from './request-log-table-spec';
import { StatusBadge } from './status-badge';

const none = <span className="text-muted-foreground">—</span>;

const columns: DataTableColumn<TRequestLogEntry>[] = [
  {
    id: 'time',
    header: 'When (UTC)',
    cell: ({ row }) => (
      <time dateTime={row.original.time} className="grid tabular-nums" title={formatInstant(row.original.time)}>
        <span>{row.original.time.slice(11, 19)}</span>
        <span className="text-xs text-muted-foreground">{row.original.time.slice(0, 10)}</span>
      </time>
    ),
  },
  { id: 'status', header: 'Status', cell: ({ row }) => <StatusBadge status={row.original.status} count={row.original.count} outcome={row.original.outcome} /> },
  {
    id: 'request',
    header: 'Request',
    cell: ({ row }) => (
      <span className="inline-block max-w-[14rem] truncate align-bottom font-mono text-xs" title={`${row.original.method} ${row.original.path}`}>
        <span className="font-semibold">{row.original.method}</span> {row.original.path}
      </span>
    ),
  },
  { id: 'latency', header: 'Latency', cell: ({ row }) => <span className="tabular-nums">{formatLatency(row.original.latencyMs)}</span> },
  {
    id: 'consumer',
    header: 'Consumer',
    cell: ({ row }) =>
      row.original.appSlug || row.original.keyPrefix ? (
        <span className="grid">
          <span>{row.original.appSlug ?? none}</span>
          {row.original.keyPrefix ? <code className="font-mono text-xs text-muted-foreground">{row.original.keyPrefix}…</code> : null}
        </span>
      ) : (
        none
      ),
  },
  {
    id: 'route',
    header: 'Route',
    cell: ({ row }) =>
      row.original.routeKey ? (
        <span className="grid">
          <code className="font-mono text-xs">{row.original.routeKey}</code>
          {row.original.apiSlug ? <span className="text-xs text-muted-foreground">{row.original.apiSlug}</span> : null}
        </span>
      ) : (
        none
      ),
  },
  { id: 'address', header: 'Address', cell: ({ row }) => row.original.clientIp ?? none },
  { id: 'details', header: () => <span className="sr-only">Details</span>, cell: ({ row }) => <div className="flex justify-end"><RequestLogDetails entry={row.original} /></div> },
];

export type RequestLogTableProps = { rows: TRequestLogEntry[]; nextCursor: string | null; empty: string };

/** Requests newest first, a page at a time; each row opens to everything stored about it. */
export function RequestLogTable({ rows, nextCursor, empty }: RequestLogTableProps) {
  return (
    <DataTable
      caption="Requests through the gateways, newest first"
      columns={columns}
      rows={rows}
      params={REQUEST_LOG_TABLE}
      nextCursor={nextCursor}
      getRowId={(row) => `${row.time}|${row.id}`}
      stickyEndColumn="details"
      empty={empty}
    />
  );
}
