import { DISCOVERY_KINDS } from '@tollgate/contracts';
import { isTollgateError } from '@tollgate/errors';
import { getDiscoverySummary, hasRole, listApis, listBodySampling, listDiscoveryPage } from '@tollgate/operations';
import { Button, EmptyState, ErrorState, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import { Radar } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getAdminPrincipal, readAsAdmin } from '@/lib/auth/admin-principal';
import { StatCard } from '../_components/stat-card';
import { DiscoveryTable } from './_components/discovery-table';
import { DISCOVERY_TABLE, KIND_LABELS } from './_components/discovery-table-params';
import { BodySamplingDialog } from './_components/body-sampling-dialog';
import { ImportLogDialog } from './_components/import-log-dialog';
import { NewEndpointsChart } from './_components/new-endpoints-chart';

export const metadata: Metadata = { title: 'Discovery' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const RETURN_TO = '/admin/discovery';
const KIND_DETAIL = {
  shadow: 'called, in no spec',
  zombie: 'deprecated, retired or removed, still called',
  'undocumented-method': 'path known, method not',
  orphan: 'documented, not called in 30 days',
} as const;

async function readPage(query: Record<string, unknown>) {
  try {
    return await readAsAdmin(listDiscoveryPage, query, RETURN_TO);
  } catch (error) {
    // A hand-edited URL is the reader's to fix, not a failure of the page.
    if (isTollgateError(error) && error.code === 'invalid_params') return { invalid: error.invalidParams?.map((param) => param.name).join(', ') || 'the filters' };
    throw error;
  }
}

export default async function DiscoveryPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await getAdminPrincipal(RETURN_TO);
  const state = parseTableSearchParams(await searchParams, DISCOVERY_TABLE);
  const canChange = hasRole(principal, 'admin');
  const [summary, page, apis, sampling] = await Promise.all([
    readAsAdmin(getDiscoverySummary, {}, RETURN_TO),
    readPage({ limit: state.pageSize, ...(state.cursor ? { cursor: state.cursor } : {}), ...(state.q ? { search: state.q } : {}), ...state.filters }),
    readAsAdmin(listApis, { limit: 100 }, RETURN_TO),
    canChange ? readAsAdmin(listBodySampling, {}, RETURN_TO) : [],
  ]);
  const filtered = Boolean(state.q || state.cursor || Object.keys(state.filters).length);
  const nothingYet = DISCOVERY_KINDS.every((kind) => summary.counts[kind] === 0) && summary.newPerDay.every((day) => day.shadow + day.zombie + day['undocumented-method'] === 0);
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Discovery"
        className="mb-0"
        description="Endpoints that are really being called, held against the catalog: what the gateways saw that no spec describes, what is still called after it was retired, and what is documented but never called."
        actions={
          canChange ? (
            <>
              <BodySamplingDialog apis={sampling} />
              <ImportLogDialog />
            </>
          ) : null
        }
      />
      <section aria-label="Endpoints per kind" className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {DISCOVERY_KINDS.map((kind) => (
          <StatCard key={kind} label={KIND_LABELS[kind]} value={summary.counts[kind]} detail={KIND_DETAIL[kind]} href={`${RETURN_TO}?kind=${kind}`} tone={kind === 'shadow' && summary.counts.shadow > 0 ? 'attention' : 'default'} />
        ))}
      </section>
      {nothingYet && !filtered ? (
        <EmptyState title="No undocumented traffic found yet" icon={<Radar />}>
          The gateways report requests that no route or OpenAPI document describes as they flush their usage. To look at traffic that never passed a gateway, import an access log or HAR file here, or with{' '}
          <code className="font-mono text-xs">npx tollgate discover import FILE</code>.
        </EmptyState>
      ) : (
        <>
          <NewEndpointsChart days={summary.newPerDay} />
          {'invalid' in page ? (
            <ErrorState
              title="These filters cannot be read"
              action={
                <Button asChild variant="secondary">
                  <Link href={RETURN_TO}>Clear the filters</Link>
                </Button>
              }
            >
              Check {page.invalid} in the address.
            </ErrorState>
          ) : (
            <DiscoveryTable endpoints={page.items} nextCursor={page.next_cursor} apis={apis.items.map((api) => api.slug)} empty={filtered ? 'No endpoint matches these filters.' : 'Nothing to look at: every endpoint called is documented.'} />
          )}
        </>
      )}
    </div>
  );
}
