import { listAdminUsers } from '@tollgate/operations';
import { PageHeader, parseTableSearchParams } from '@tollgate/ui';
import type { Metadata } from 'next';
import { getAdminPrincipal, readAsAdmin } from '@/lib/auth/admin-principal';
import { ADMIN_USERS_TABLE, AdminUsersTable } from './_components/admin-users-table';
import { InviteAdminUserDialog } from './_components/invite-admin-user-dialog';

export const metadata: Metadata = { title: 'Admin users' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  const principal = await getAdminPrincipal('/admin/admin-users');
  const state = parseTableSearchParams(await searchParams, ADMIN_USERS_TABLE);
  const role = ['owner', 'admin', 'viewer'].includes(state.filters.role ?? '') ? state.filters.role : undefined;
  const read = (cursor: string | null) =>
    readAsAdmin(listAdminUsers, { limit: state.pageSize, ...(role ? { role } : {}), ...(state.q ? { q: state.q } : {}), ...(cursor ? { cursor } : {}) }, '/admin/admin-users');
  const page = await read(state.cursor).catch((error: { code?: string }) => (error.code === 'invalid_params' ? read(null) : Promise.reject(error)));
  return (
    <div className="grid min-w-0 grid-cols-1 gap-6">
      <PageHeader
        title="Admin users"
        className="mb-0"
        description="People who sign in to this console. Viewers read; admins run the platform; only an owner grants owner or changes an owner, and the last owner stays."
        actions={principal.role === 'viewer' ? null : <InviteAdminUserDialog ownRole={principal.role} />}
      />
      <AdminUsersTable rows={page.items} nextCursor={page.next_cursor} ownRole={principal.role} ownId={principal.id} />
    </div>
  );
}
