import { listApis, listSubscriptions } from '@tollgate/operations';
import { EmptyState, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import { Receipt } from 'lucide-react';
import type { Metadata } from 'next';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { plansByApi } from './_components/plans-by-api';
import { SubscriptionsTable } from './_components/subscriptions-table';
import { SUBSCRIPTIONS_TABLE } from './_components/subscriptions-table-params';

export const metadata: Metadata = { title: 'Subscriptions' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const RETURN_TO = '/admin/subscriptions';

export default async function AdminSubscriptionsPage({ searchParams }: Props) {
  const state = parseTableSearchParams(await searchParams, SUBSCRIPTIONS_TABLE);
  const page = await readAsAdmin(listSubscriptions, { limit: state.pageSize, ...(state.cursor ? { cursor: state.cursor } : {}), ...state.filters }, RETURN_TO).catch(async (error: unknown) => {
    // A stale cursor or a hand-edited filter: show the first page instead of failing.
    if ((error as { code?: string }).code !== 'invalid_params') throw error;
    return readAsAdmin(listSubscriptions, { limit: state.pageSize }, RETURN_TO);
  });
  const [plans, apis] = await Promise.all([plansByApi(RETURN_TO), readAsAdmin(listApis, { limit: 100 }, RETURN_TO)]);
  const filtered = Boolean(state.cursor || Object.keys(state.filters).length);
  const pending = page.items.filter((item) => item.status === 'pending').length;
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Subscriptions"
        className="mb-0"
        description={pending > 0 ? `${pending} request${pending === 1 ? '' : 's'} waiting for approval, listed first.` : 'Which app calls which API on which plan. Requests waiting for approval come first.'}
      />
      {page.items.length === 0 && !filtered ? (
        <EmptyState title="No subscriptions yet" icon={<Receipt />}>
          Subscribe an app to an API from the app&apos;s page, or let developers request one from the portal.
        </EmptyState>
      ) : (
        <SubscriptionsTable subscriptions={page.items} nextCursor={page.next_cursor} plansByApi={plans} apis={apis.items.map((api) => api.slug)} />
      )}
    </div>
  );
}
