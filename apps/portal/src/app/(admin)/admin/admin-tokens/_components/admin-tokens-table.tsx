'use client';

import type { TAdminToken } from '@tollgate/contracts';
import { Badge, Button, ConfirmDialog, DataTable, toast, type DataTableColumn } from '@tollgate/ui';
import { actionData } from '../../apis/_components/action-result';
import { Timestamp } from '../../_components/timestamp';
import { revokeAdminTokenAction } from '../actions';
import { ADMIN_TOKENS_TABLE } from './admin-tokens-table-spec';

const none = <span className="text-muted-foreground">—</span>;

function state(token: TAdminToken) {
  if (token.revokedAt) return <Badge tone="danger">revoked</Badge>;
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return <Badge tone="warning">expired</Badge>;
  return <Badge tone="success">active</Badge>;
}

function RevokeButton({ token }: { token: TAdminToken }) {
  if (token.revokedAt) return null;
  return (
    <ConfirmDialog
      title={`Revoke token ${token.name}?`}
      description="Requests with this token fail at once. It stays listed as revoked. This cannot be undone."
      confirmLabel="Revoke token"
      destructive
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Revoke token ${token.name}`}>
          Revoke
        </Button>
      }
      onConfirm={async () => {
        const revoked = actionData(await revokeAdminTokenAction({ id: token.id }));
        if (revoked) toast.success(`Revoked ${revoked.name}`);
      }}
    />
  );
}

const columns: DataTableColumn<TAdminToken>[] = [
  { accessorKey: 'name', header: 'Name', cell: ({ row }) => <span className="font-medium">{row.original.name}</span> },
  { accessorKey: 'role', header: 'Role', cell: ({ row }) => <Badge tone={row.original.role === 'viewer' ? 'neutral' : 'info'}>{row.original.role}</Badge> },
  { accessorKey: 'prefix', header: 'Prefix', cell: ({ row }) => <code className="font-mono text-xs">{row.original.prefix}…</code> },
  { id: 'state', header: 'State', cell: ({ row }) => state(row.original) },
  { accessorKey: 'createdAt', header: 'Created', cell: ({ row }) => <Timestamp iso={row.original.createdAt} /> },
  { accessorKey: 'expiresAt', header: 'Expires', cell: ({ row }) => (row.original.expiresAt ? <Timestamp iso={row.original.expiresAt} absolute /> : 'never') },
  { accessorKey: 'lastUsedAt', header: 'Last used', cell: ({ row }) => (row.original.lastUsedAt ? <Timestamp iso={row.original.lastUsedAt} /> : none) },
  { id: 'revoke', header: () => <span className="sr-only">Revoke</span>, cell: ({ row }) => <div className="flex justify-end"><RevokeButton token={row.original} /></div> },
];

export function AdminTokensTable({ rows, nextCursor }: { rows: TAdminToken[]; nextCursor: string | null }) {
  return <DataTable caption="Admin tokens" columns={columns} rows={rows} params={ADMIN_TOKENS_TABLE} nextCursor={nextCursor} getRowId={(row) => row.id} empty="No tokens on this page." />;
}
