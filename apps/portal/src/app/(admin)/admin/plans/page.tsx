import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { requireAdmin } from '@/lib/auth/require-admin';
import { Table, Td } from '@/components/table';
import { formatCents, formatLimit } from '@/lib/format';
import { listPlans } from '@/server/plans/list-plans';

export const metadata: Metadata = { title: 'Plans' };

export default async function AdminPlansPage() {
  await requireAdmin('/admin/plans');
  const plans = await listPlans();
  return (
    <div className="space-y-8">
      <PageHeader title="Plans" description="Usage tiers: which APIs, how fast, how much, at what price." />
      {plans.length === 0 ? (
        <EmptyState title="No plans yet" />
      ) : (
        <Table head={['Name', 'Slug', 'APIs', 'Rate limit', 'Quota', 'Price / month', 'Subscriptions']}>
          {plans.map((plan) => (
            <tr key={plan.id}>
              <Td>
                <span className="font-medium text-slate-900">{plan.name}</span>
              </Td>
              <Td mono>{plan.slug}</Td>
              <Td mono>{plan.apis.map((entry) => entry.api.slug).join(', ') || '—'}</Td>
              <Td>{formatLimit(plan.rateLimitRequests, plan.rateLimitPer)}</Td>
              <Td>{formatLimit(plan.quotaRequests, plan.quotaPer)}</Td>
              <Td>{formatCents(plan.monthlyPriceCents, plan.currency)}</Td>
              <Td>{plan._count.subscriptions}</Td>
            </tr>
          ))}
        </Table>
      )}
      <ComingSoon title="Edit plans">Create plans, change limits and prices, and approve pending subscriptions here.</ComingSoon>
    </div>
  );
}
