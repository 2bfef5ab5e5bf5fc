'use client';

import type { TSubscriptionResource } from '@tollgate/contracts';
import { DataTable, type DataTableColumn, type TableParamsSpec } from '@tollgate/ui';
import Link from 'next/link';
import { useMemo } from 'react';
import { SubscriptionActions } from './subscription-actions';
import { SubscriptionStatusBadge } from './subscription-status-badge';
import { SUBSCRIPTION_STATUS_OPTIONS, SUBSCRIPTIONS_TABLE } from './subscriptions-table-params';

export type SubscriptionsTableProps = {
  subscriptions: TSubscriptionResource[];
  nextCursor: string | null;
  /** Plan slugs covering each API, for "move to another plan". */
  plansByApi: Record<string, string[]>;
  apis?: string[];
  params?: TableParamsSpec;
  caption?: string;
  /** Leave out the app column (on an app's own page). */
  hideApp?: boolean;
};

/** Subscriptions with their actions in each row: pending requests come first. */
export function SubscriptionsTable({ subscriptions, nextCursor, plansByApi, apis = [], params = SUBSCRIPTIONS_TABLE, caption = 'Subscriptions', hideApp = false }: SubscriptionsTableProps) {
  const columns = useMemo<DataTableColumn<TSubscriptionResource>[]>(
    () => [
      ...(hideApp
        ? []
        : [
            {
              id: 'app',
              header: 'App',
              cell: ({ row }) => (
                <Link href={`/admin/apps/${row.original.app}`} className="font-medium text-primary underline-offset-4 hover:underline focus-visible:underline">
                  {row.original.app}
                </Link>
              ),
            } satisfies DataTableColumn<TSubscriptionResource>,
            { accessorKey: 'team', header: 'Team', cell: ({ row }) => <code className="font-mono text-xs">{row.original.team}</code> } satisfies DataTableColumn<TSubscriptionResource>,
          ]),
      { accessorKey: 'api', header: 'API', cell: ({ row }) => <code className="font-mono text-xs">{row.original.api}</code> },
      { accessorKey: 'plan', header: 'Plan' },
      {
        accessorKey: 'status',
        header: 'Status',
        cell: ({ row }) => (
          <div className="grid gap-0.5">
            <SubscriptionStatusBadge status={row.original.status} />
            {row.original.statusReason ? <span className="max-w-56 truncate text-xs text-muted-foreground" title={row.original.statusReason}>{row.original.statusReason}</span> : null}
          </div>
        ),
      },
      { accessorKey: 'createdAt', header: 'Requested', cell: ({ row }) => <time dateTime={row.original.createdAt}>{row.original.createdAt.slice(0, 10)}</time> },
      { id: 'actions', header: () => <span className="sr-only">Actions</span>, cell: ({ row }) => <SubscriptionActions subscription={row.original} plans={plansByApi[row.original.api] ?? []} /> },
    ],
    [hideApp, plansByApi],
  );
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={subscriptions}
      params={params}
      nextCursor={nextCursor}
      getRowId={(subscription) => subscription.id}
      filters={
        params === SUBSCRIPTIONS_TABLE
          ? [
              { id: 'status', label: 'Status', options: SUBSCRIPTION_STATUS_OPTIONS },
              { id: 'api', label: 'API', options: apis.map((slug) => ({ value: slug, label: slug })) },
            ]
          : undefined
      }
      empty="No subscription matches."
    />
  );
}
