import { listApis } from '@tollgate/operations';
import { EmptyState, PageHeader, parseTableSearchParams, serializeSort } from '@tollgate/ui';
import { Network } from 'lucide-react';
import type { Metadata } from 'next';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { ApisTable } from './_components/apis-table';
import { APIS_TABLE } from './_components/apis-table-params';
import { ImportApiDialog } from './_components/import-api-dialog';
import { NewApiDialog } from './_components/new-api-dialog';

export const metadata: Metadata = { title: 'APIs' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminApisPage({ searchParams }: Props) {
  const state = parseTableSearchParams(await searchParams, APIS_TABLE);
  const page = await readAsAdmin(
    listApis,
    {
      limit: state.pageSize,
      ...(state.cursor ? { cursor: state.cursor } : {}),
      ...(state.q ? { q: state.q } : {}),
      ...(state.sort ? { sort: serializeSort(state.sort) } : {}),
      ...state.filters,
    },
    '/admin/apis',
  ).catch(async (error: unknown) => {
    // A cursor from another sort or a hand-edited URL: show the first page instead of failing.
    if ((error as { code?: string }).code !== 'invalid_params') throw error;
    return readAsAdmin(listApis, { limit: state.pageSize }, '/admin/apis');
  });
  const filtered = Boolean(state.q || state.cursor || Object.keys(state.filters).length);
  return (
    <div className="grid gap-6 [&>*]:min-w-0">
      <PageHeader
        title="APIs"
        className="mb-0"
        description="Every API the gateway knows: create one, or import an OpenAPI document to get its routes."
        actions={
          <>
            <ImportApiDialog />
            <NewApiDialog />
          </>
        }
      />
      {page.items.length === 0 && !filtered ? (
        <EmptyState title="No APIs yet" icon={<Network />} action={<ImportApiDialog variant="primary" />}>
          Import an OpenAPI 3 document (a file, pasted text or a URL) or create an API by hand, then add routes and an upstream.
        </EmptyState>
      ) : (
        <ApisTable apis={page.items} nextCursor={page.next_cursor} />
      )}
    </div>
  );
}
