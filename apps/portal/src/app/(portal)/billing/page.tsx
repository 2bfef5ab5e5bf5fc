import type { Metadata } from 'next';
import { Badge } from '@/components/badge';
import { ComingSoon } from '@/components/coming-soon';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { Table, Td } from '@/components/table';
import { requireUser } from '@/lib/auth/require-user';
import { formatCents } from '@/lib/format';
import { listUserSubscriptions } from '@/server/subscriptions/list-user-subscriptions';

export const metadata: Metadata = { title: 'Billing' };

export default async function BillingPage() {
  const user = await requireUser('/billing');
  const subscriptions = await listUserSubscriptions(user.id);
  return (
    <div className="space-y-8">
      <PageHeader title="Billing" description="Your teams' subscriptions and what their plans cost each month." />
      {subscriptions.length === 0 ? (
        <EmptyState title="No subscriptions yet" />
      ) : (
        <Table head={['App', 'API', 'Plan', 'Monthly price', 'Status']}>
          {subscriptions.map((sub) => (
            <tr key={sub.id}>
              <Td>{sub.app.name}</Td>
              <Td>{sub.api.name}</Td>
              <Td>{sub.plan.name}</Td>
              <Td>{formatCents(sub.plan.monthlyPriceCents, sub.plan.currency)}</Td>
              <Td>
                <Badge tone={sub.status === 'active' ? 'green' : 'neutral'}>{sub.status}</Badge>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <ComingSoon title="Statements">Monthly statements per subscription with included units, overage and totals.</ComingSoon>
    </div>
  );
}
