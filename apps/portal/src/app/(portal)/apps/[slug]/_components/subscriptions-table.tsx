'use client';

import type { TTeamSubscription } from '@tollgate/contracts';
import { Button, ConfirmDialog, DataTable, toast, type DataTableColumn, type TableParamsSpec } from '@tollgate/ui';
import { X } from 'lucide-react';
import { useMemo } from 'react';
import { actionData } from '../../../../(admin)/admin/apis/_components/action-result';
import { cancelTeamSubscriptionAction } from '../../actions';
import { SubscriptionStatusBadge } from './subscription-status-badge';

// An app has a handful of subscriptions: one page, and no URL state shared with the keys table.
const APP_SUBSCRIPTIONS: TableParamsSpec = { pageSizes: [100] };

function CancelSubscriptionButton({ subscription }: { subscription: TTeamSubscription }) {
  if (subscription.status === 'cancelled') return null;
  const withdraw = subscription.status === 'pending';
  const label = `${withdraw ? 'Withdraw request for' : 'Cancel subscription to'} ${subscription.api.name}`;
  return (
    <ConfirmDialog
      title={`${label}?`}
      description={withdraw ? 'The request leaves the admins\' queue.' : `Keys of this app are refused on ${subscription.api.name} within a second. You can subscribe again later.`}
      confirmLabel={withdraw ? 'Withdraw request' : 'Cancel subscription'}
      cancelLabel="Keep it"
      destructive
      onConfirm={async () => {
        if (actionData(await cancelTeamSubscriptionAction({ id: subscription.id }))) toast.success(withdraw ? 'Request withdrawn' : `Cancelled ${subscription.api.name}`);
      }}
      trigger={
        <Button size="sm" variant="secondary" aria-label={label}>
          <X aria-hidden="true" /> {withdraw ? 'Withdraw' : 'Cancel'}
        </Button>
      }
    />
  );
}

/** The app's subscriptions, pending ones first, with why an admin refused or suspended one. */
export function SubscriptionsTable({ subscriptions, appName }: { subscriptions: TTeamSubscription[]; appName: string }) {
  const columns = useMemo<DataTableColumn<TTeamSubscription>[]>(
    () => [
      { id: 'api', header: 'API', cell: ({ row }) => <span className="font-medium">{row.original.api.name}</span> },
      { id: 'plan', header: 'Plan', cell: ({ row }) => row.original.plan.name },
      {
        accessorKey: 'status',
        header: 'Status',
        cell: ({ row }) => (
          <div className="grid justify-items-start gap-1">
            <SubscriptionStatusBadge status={row.original.status} />
            {row.original.statusReason ? <span className="max-w-xs text-xs text-muted-foreground">{row.original.statusReason}</span> : null}
          </div>
        ),
      },
      { accessorKey: 'createdAt', header: 'Since', cell: ({ row }) => <time dateTime={row.original.createdAt}>{row.original.createdAt.slice(0, 10)}</time> },
      { id: 'cancel', header: () => <span className="sr-only">Actions</span>, cell: ({ row }) => <CancelSubscriptionButton subscription={row.original} /> },
    ],
    [],
  );
  return (
    <DataTable
      caption={`Subscriptions of ${appName}`}
      columns={columns}
      rows={subscriptions}
      params={APP_SUBSCRIPTIONS}
      getRowId={(subscription) => subscription.id}
      empty="No subscriptions yet: subscribe to an API to call it with this app's keys."
    />
  );
}
