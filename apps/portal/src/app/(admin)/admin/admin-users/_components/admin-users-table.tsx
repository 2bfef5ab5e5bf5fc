'use client';

import type { TAdminRole, TAdminUser } from '@tollgate/contracts';
import { Badge, Button, ConfirmDialog, DataTable, toast, type DataTableColumn, type TableParamsSpec } from '@tollgate/ui';
import { useState } from 'react';
import { actionData } from '../../apis/_components/action-result';
import { Timestamp } from '../../_components/timestamp';
import { removeAdminUserAction } from '../actions';
import { ChangeRoleDialog } from './change-role-dialog';
import { ROLE_OPTIONS } from './role-options';

export const ADMIN_USERS_TABLE = { filters: ['role'], pageSizes: [20, 50, 100], defaultPageSize: 20 } as const satisfies TableParamsSpec;

type Props = { rows: TAdminUser[]; nextCursor: string | null; ownRole: TAdminRole; ownId: string };

/** Admin users; owners can only be changed by an owner, so others see no buttons on them. */
export function AdminUsersTable({ rows, nextCursor, ownRole, ownId }: Props) {
  const [editing, setEditing] = useState<TAdminUser | null>(null);
  const mayChange = (user: TAdminUser) => ownRole === 'owner' || (ownRole === 'admin' && user.role !== 'owner');
  const columns: DataTableColumn<TAdminUser>[] = [
    { accessorKey: 'email', header: 'Email', cell: ({ row }) => <span className="font-medium">{row.original.email}{row.original.id === ownId ? <span className="text-muted-foreground"> (you)</span> : null}</span> },
    { accessorKey: 'name', header: 'Name' },
    { accessorKey: 'role', header: 'Role', cell: ({ row }) => <Badge tone={row.original.role === 'owner' ? 'warning' : row.original.role === 'admin' ? 'info' : 'neutral'}>{row.original.role}</Badge> },
    { accessorKey: 'createdAt', header: 'Added', cell: ({ row }) => <Timestamp iso={row.original.createdAt} /> },
    {
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) =>
        mayChange(row.original) ? (
          <div className="flex justify-end gap-1">
            <Button variant="ghost" size="sm" onClick={() => setEditing(row.original)} aria-label={`Change role of ${row.original.email}`}>
              Change role
            </Button>
            <ConfirmDialog
              title={`Remove ${row.original.email} from the admins?`}
              description="They lose console and admin API access at once and keep a developer account. The last owner cannot be removed."
              confirmLabel="Remove admin"
              destructive
              trigger={
                <Button variant="ghost" size="sm" aria-label={`Remove ${row.original.email}`}>
                  Remove
                </Button>
              }
              onConfirm={async () => {
                if (actionData(await removeAdminUserAction({ id: row.original.id }))) toast.success(`Removed ${row.original.email}`);
              }}
            />
          </div>
        ) : null,
    },
  ];
  return (
    <>
      <DataTable
        caption="Admin users"
        columns={columns}
        rows={rows}
        params={ADMIN_USERS_TABLE}
        nextCursor={nextCursor}
        getRowId={(row) => row.id}
        searchLabel="Search by email or name"
        filters={[{ id: 'role', label: 'Role', options: ROLE_OPTIONS.map((option) => ({ value: option.value, label: option.value })) }]}
        empty="No admin user matches."
      />
      {editing ? <ChangeRoleDialog key={editing.id} user={editing} ownRole={ownRole} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
