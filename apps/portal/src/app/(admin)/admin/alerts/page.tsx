import { listAlertRules, listApis, listSubscriptions } from '@tollgate/operations';
import { EmptyState, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import { BellRing } from 'lucide-react';
import type { Metadata } from 'next';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { AlertRuleFormDialog } from './_components/alert-rule-form-dialog';
import { ALERT_RULES_TABLE, AlertRulesTable } from './_components/alert-rules-table';

export const metadata: Metadata = { title: 'Alerts' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AlertsPage({ searchParams }: Props) {
  const state = parseTableSearchParams(await searchParams, ALERT_RULES_TABLE);
  const read = (query: Record<string, unknown>) => readAsAdmin(listAlertRules, { limit: state.pageSize, ...query }, '/admin/alerts');
  const [page, apis, subscriptions] = await Promise.all([
    read({ ...(state.cursor ? { cursor: state.cursor } : {}), ...(state.filters.state ? { state: state.filters.state } : {}) }).catch((error: { code?: string }) =>
      error.code === 'invalid_params' ? read({}) : Promise.reject(error),
    ),
    readAsAdmin(listApis, { limit: 100 }, '/admin/alerts'),
    readAsAdmin(listSubscriptions, { limit: 100 }, '/admin/alerts'),
  ]);
  const choices = {
    apis: apis.items.map((api) => api.slug),
    subscriptions: subscriptions.items.map((subscription) => ({ value: subscription.id, label: `${subscription.app} on ${subscription.api} (${subscription.plan})` })),
  };
  return (
    <div className="grid min-w-0 grid-cols-1 gap-6">
      <PageHeader
        title="Alerts"
        className="mb-0"
        description="Thresholds on the error rate, the p95 latency or a consumer's quota use. Each sends one webhook event and one mail when it fires and when it recovers."
        actions={<AlertRuleFormDialog {...choices} />}
      />
      {page.items.length === 0 && !state.cursor && !state.filters.state ? (
        <EmptyState title="No alerts yet" icon={<BellRing />}>
          Add a rule to hear about errors, slow answers or a quota running out before your consumers do.
        </EmptyState>
      ) : (
        <AlertRulesTable rows={page.items} nextCursor={page.next_cursor} choices={choices} />
      )}
    </div>
  );
}
