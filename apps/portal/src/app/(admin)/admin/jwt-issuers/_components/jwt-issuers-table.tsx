'use client';

import type { TJwtIssuerResource } from '@tollgate/contracts';
import { Button, ConfirmDialog, DataTable, toast, type DataTableColumn, type TableParamsSpec } from '@tollgate/ui';
import { useState } from 'react';
import { actionData } from '../../apis/_components/action-result';
import { deleteJwtIssuerAction } from '../actions';
import { JwtIssuerFormDialog } from './jwt-issuer-form-dialog';

export const JWT_ISSUERS_TABLE = { filters: ['api'], pageSizes: [20, 50, 100], defaultPageSize: 20 } as const satisfies TableParamsSpec;

function DeleteButton({ issuer }: { issuer: TJwtIssuerResource }) {
  return (
    <ConfirmDialog
      title={`Stop trusting ${issuer.issuer}?`}
      description={`API ${issuer.api} stops accepting its tokens with the next config revision; its ${issuer.clients.length} client mapping(s) go too.`}
      confirmLabel="Delete issuer"
      destructive
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Delete issuer ${issuer.issuer} of ${issuer.api}`}>
          Delete
        </Button>
      }
      onConfirm={async () => {
        if (actionData(await deleteJwtIssuerAction({ id: issuer.id }))) toast.success(`Deleted issuer ${issuer.issuer}`);
      }}
    />
  );
}

export function JwtIssuersTable({ rows, nextCursor, apis }: { rows: TJwtIssuerResource[]; nextCursor: string | null; apis: string[] }) {
  const [editing, setEditing] = useState<TJwtIssuerResource | null>(null);
  const columns: DataTableColumn<TJwtIssuerResource>[] = [
    { accessorKey: 'issuer', header: 'Issuer', cell: ({ row }) => <span className="font-mono text-xs">{row.original.issuer}</span> },
    { accessorKey: 'api', header: 'API', cell: ({ row }) => <code className="font-mono text-xs">{row.original.api}</code> },
    { id: 'audience', header: 'Audience', cell: ({ row }) => row.original.audience.join(', ') },
    { id: 'keys', header: 'Keys', cell: ({ row }) => (row.original.jwksUrl ? <span className="block max-w-56 truncate font-mono text-xs" title={row.original.jwksUrl}>{row.original.jwksUrl}</span> : 'PEM key') },
    { id: 'algorithms', header: 'Algorithms', cell: ({ row }) => row.original.algorithms.join(', ') },
    { id: 'claim', header: 'App claim', cell: ({ row }) => <code className="font-mono text-xs">{row.original.appClaim}</code> },
    { id: 'clients', header: 'Clients', cell: ({ row }) => <span className="tabular-nums">{row.original.clients.length}</span> },
    {
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => (
        <div className="flex justify-end gap-1">
          <Button variant="ghost" size="sm" onClick={() => setEditing(row.original)} aria-label={`Edit issuer ${row.original.issuer} of ${row.original.api}`}>
            Edit
          </Button>
          <DeleteButton issuer={row.original} />
        </div>
      ),
    },
  ];
  return (
    <>
      <DataTable
        caption="JWT issuers"
        columns={columns}
        rows={rows}
        params={JWT_ISSUERS_TABLE}
        nextCursor={nextCursor}
        getRowId={(row) => row.id}
        filters={[{ id: 'api', label: 'API', options: apis.map((slug) => ({ value: slug, label: slug })) }]}
        empty="No issuer for this API."
      />
      {editing ? <JwtIssuerFormDialog key={editing.id} apis={apis} issuer={editing} open onOpenChange={(open) => !open && setEditing(null)} /> : null}
    </>
  );
}
