import { listApis, listJwtIssuers } from '@tollgate/operations';
import { EmptyState, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import { ShieldCheck } from 'lucide-react';
import type { Metadata } from 'next';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { JwtIssuerFormDialog } from './_components/jwt-issuer-form-dialog';
import { JWT_ISSUERS_TABLE, JwtIssuersTable } from './_components/jwt-issuers-table';

export const metadata: Metadata = { title: 'JWT issuers' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function JwtIssuersPage({ searchParams }: Props) {
  const state = parseTableSearchParams(await searchParams, JWT_ISSUERS_TABLE);
  const read = (query: Record<string, unknown>) => readAsAdmin(listJwtIssuers, { limit: state.pageSize, ...query }, '/admin/jwt-issuers');
  const [page, apis] = await Promise.all([
    read({ ...(state.cursor ? { cursor: state.cursor } : {}), ...(state.filters.api ? { api: state.filters.api } : {}) }).catch((error: { code?: string }) =>
      error.code === 'invalid_params' ? read({}) : Promise.reject(error),
    ),
    readAsAdmin(listApis, { limit: 100 }, '/admin/jwt-issuers'),
  ]);
  const apiSlugs = apis.items.map((api) => api.slug);
  return (
    <div className="grid min-w-0 grid-cols-1 gap-6">
      <PageHeader
        title="JWT issuers"
        className="mb-0"
        description="Identity providers whose tokens an API accepts on routes with JWT auth, and which token clients act as which app."
        actions={<JwtIssuerFormDialog apis={apiSlugs} />}
      />
      {page.items.length === 0 && !state.cursor && !state.filters.api ? (
        <EmptyState title="No JWT issuers yet" icon={<ShieldCheck />}>
          {apiSlugs.length === 0 ? 'Create an API first; issuers belong to an API.' : 'Add an issuer to accept its tokens on routes whose auth is jwt or key-or-jwt.'}
        </EmptyState>
      ) : (
        <JwtIssuersTable rows={page.items} nextCursor={page.next_cursor} apis={apiSlugs} />
      )}
    </div>
  );
}
