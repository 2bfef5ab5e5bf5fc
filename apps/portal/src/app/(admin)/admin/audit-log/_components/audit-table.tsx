'use client';

import type { TAuditEntry } from '@tollgate/contracts';
import { DataTable, type DataTableColumn } from '@tollgate/ui';
import { ActorLabel } from '../../_components/actor-label';
import { formatInstant } from '../../_components/format-age';
import { describeResource } from '../../_components/describe-resource';
import { AuditEntryDetails } from './audit-entry-details';
import { AUDIT_TABLE } from './audit-table-spec';

const columns: DataTableColumn<TAuditEntry>[] = [
  { id: 'createdAt', header: 'When (UTC)', cell: ({ row }) => <time dateTime={row.original.createdAt} className="tabular-nums">{formatInstant(row.original.createdAt).slice(0, 19)}</time> },
  { id: 'actor', header: 'Actor', cell: ({ row }) => <ActorLabel actor={row.original.actor} /> },
  { id: 'action', header: 'Action', cell: ({ row }) => <code className="font-mono text-xs">{row.original.action}</code> },
  {
    id: 'resource',
    header: 'Resource',
    cell: ({ row }) => (
      <span title={row.original.resourceId ?? undefined}>
        <span className="text-muted-foreground">{row.original.resourceType}</span> {describeResource(row.original)}
      </span>
    ),
  },
  { id: 'ip', header: 'Address', cell: ({ row }) => row.original.ip ?? <span className="text-muted-foreground">—</span> },
  { id: 'details', header: () => <span className="sr-only">Details</span>, cell: ({ row }) => <div className="flex justify-end"><AuditEntryDetails entry={row.original} /></div> },
];

export type AuditTableProps = { rows: TAuditEntry[]; nextCursor: string | null; filtered: boolean };

/** Audit entries newest first, a page at a time; each row opens to its before/after. */
export function AuditTable({ rows, nextCursor, filtered }: AuditTableProps) {
  return (
    <DataTable
      caption="Audit log entries, newest first"
      columns={columns}
      rows={rows}
      params={AUDIT_TABLE}
      nextCursor={nextCursor}
      getRowId={(row) => row.id}
      stickyEndColumn="details"
      empty={filtered ? 'No entry matches these filters.' : 'No entries yet: every write through the console, the admin API or the CLI is recorded here.'}
    />
  );
}
