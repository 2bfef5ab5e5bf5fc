import { listApis, listPlans } from '@tollgate/operations';
import { EmptyState, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import { Layers } from 'lucide-react';
import type { Metadata } from 'next';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { PlanFormDialog } from './_components/plan-form-dialog';
import { PLANS_TABLE, PlansTable } from './_components/plans-table';

export const metadata: Metadata = { title: 'Plans' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminPlansPage({ searchParams }: Props) {
  const state = parseTableSearchParams(await searchParams, PLANS_TABLE);
  const [plans, apis] = await Promise.all([
    readAsAdmin(listPlans, { limit: state.pageSize, ...(state.cursor ? { cursor: state.cursor } : {}), ...(state.filters.api ? { api: state.filters.api } : {}) }, '/admin/plans').catch(async (error: unknown) => {
      if ((error as { code?: string }).code !== 'invalid_params') throw error;
      return readAsAdmin(listPlans, { limit: state.pageSize }, '/admin/plans');
    }),
    readAsAdmin(listApis, { limit: 100 }, '/admin/plans'),
  ]);
  const apiSlugs = apis.items.map((api) => api.slug);
  return (
    <div className="grid gap-6 [&>*]:min-w-0">
      <PageHeader title="Plans" className="mb-0" description="Usage tiers: which APIs, how fast, how much, at what price." actions={<PlanFormDialog apis={apiSlugs} />} />
      {plans.items.length === 0 && !state.cursor && !state.filters.api ? (
        <EmptyState title="No plans yet" icon={<Layers />} action={<PlanFormDialog apis={apiSlugs} />}>
          A plan sets the rate limit, quota and price of the APIs it covers; developers subscribe to one.
        </EmptyState>
      ) : (
        <PlansTable plans={plans.items} nextCursor={plans.next_cursor} apis={apiSlugs} />
      )}
    </div>
  );
}
