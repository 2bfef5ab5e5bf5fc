import { listAdminTokens } from '@tollgate/operations';
import { EmptyState, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import { KeySquare } from 'lucide-react';
import type { Metadata } from 'next';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { AdminTokensTable } from './_components/admin-tokens-table';
import { ADMIN_TOKENS_TABLE } from './_components/admin-tokens-table-spec';
import { CreateAdminTokenDialog } from './_components/create-admin-token-dialog';

export const metadata: Metadata = { title: 'Admin tokens' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminTokensPage({ searchParams }: Props) {
  const state = parseTableSearchParams(await searchParams, ADMIN_TOKENS_TABLE);
  const read = (cursor: string | null) => readAsAdmin(listAdminTokens, { limit: state.pageSize, ...(cursor ? { cursor } : {}) }, '/admin/admin-tokens');
  // A cursor that is not ours (a hand-edited address) starts over at the first page.
  const page = await read(state.cursor).catch((error: { code?: string }) => (error.code === 'invalid_params' ? read(null) : Promise.reject(error)));
  return (
    <div className="grid min-w-0 grid-cols-1 gap-6">
      <PageHeader
        title="Admin tokens"
        className="mb-0"
        description="Personal tokens for the admin API and the CLI. Only a hash is stored: a token is shown once, when it is created."
        actions={<CreateAdminTokenDialog />}
      />
      {page.items.length === 0 && !state.cursor ? (
        <EmptyState title="No admin tokens yet" icon={<KeySquare />}>
          Create one for a deploy pipeline or the CLI: <code className="font-mono text-xs">TOLLGATE_URL=… ADMIN_TOKEN=tga_… npx tollgate …</code>
        </EmptyState>
      ) : (
        <AdminTokensTable rows={page.items} nextCursor={page.next_cursor} />
      )}
    </div>
  );
}
