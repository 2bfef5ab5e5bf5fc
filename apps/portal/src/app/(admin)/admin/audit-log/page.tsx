import { isTollgateError } from '@tollgate/errors';
import { listAuditFacets, listAuditLog } from '@tollgate/operations';
import { Button, ErrorState, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getAdminPrincipal, readAsAdmin } from '@/lib/auth/admin-principal';
import { AuditFilters } from './_components/audit-filters';
import { AuditTable } from './_components/audit-table';
import { AUDIT_TABLE } from './_components/audit-table-spec';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function readPage(query: Record<string, unknown>) {
  try {
    return await readAsAdmin(listAuditLog, query, '/admin/audit-log');
  } catch (error) {
    // A hand-edited URL (a bad cursor or time) is the reader's to fix, not a failure of the page.
    if (isTollgateError(error) && error.code === 'invalid_params') return { invalid: error.invalidParams?.map((param) => param.name).join(', ') || 'the filters' };
    throw error;
  }
}

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  await getAdminPrincipal('/admin/audit-log');
  const state = parseTableSearchParams(await searchParams, AUDIT_TABLE);
  const [page, facets] = await Promise.all([
    readPage({ limit: state.pageSize, ...(state.cursor ? { cursor: state.cursor } : {}), ...state.filters }),
    readAsAdmin(listAuditFacets, {}),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Audit log" description="Every write, by whom, from where and with which request; secrets are redacted before they are stored." className="mb-0" />
      <AuditFilters facets={facets} />
      {'invalid' in page ? (
        <ErrorState
          title="These filters cannot be read"
          action={
            <Button asChild variant="secondary">
              <Link href="/admin/audit-log">Clear the filters</Link>
            </Button>
          }
        >
          Check {page.invalid} in the address.
        </ErrorState>
      ) : (
        <AuditTable rows={page.items} nextCursor={page.next_cursor} filtered={Object.keys(state.filters).length > 0} />
      )}
    </div>
  );
}
