import { listCatalogApis } from '@tollgate/operations';
import { EmptyState, PageHeader } from '@tollgate/ui';
import { parseTableSearchParams } from '@tollgate/ui/table-params';
import type { Metadata } from 'next';
import { env } from '@/env';
import { readAsVisitor } from '@/lib/auth/developer-principal';
import { CatalogCard } from '../_components/catalog-card';
import { CatalogFilters } from '../_components/catalog-filters';
import { CATALOG_PARAMS } from '../_components/catalog-params';

export const metadata: Metadata = { title: 'APIs' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CatalogPage({ searchParams }: Props) {
  const state = parseTableSearchParams(await searchParams, CATALOG_PARAMS);
  const filtered = state.q !== '' || state.filters.tag !== undefined;
  const { result: catalog } = await readAsVisitor(listCatalogApis, { q: state.q || undefined, tag: state.filters.tag });
  return (
    <div>
      <PageHeader title="APIs" description={`Every API you may call through the gateway at ${env.GATEWAY_PUBLIC_URL}. Open one for its plans, reference and a console to try it.`} />
      <CatalogFilters tags={catalog.tags} />
      {catalog.items.length === 0 ? (
        <EmptyState title={filtered ? 'No API matches these filters' : 'No APIs published yet'}>
          {filtered ? 'Try another search or clear the tag filter.' : 'Admins publish APIs in the console; they appear here once published.'}
        </EmptyState>
      ) : (
        <>
          <p className="sr-only" role="status">
            {catalog.items.length === 1 ? '1 API' : `${catalog.items.length} APIs`}
          </p>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="APIs">
            {catalog.items.map((api) => (
              <CatalogCard key={api.slug} api={api} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
