'use client';

import type { TTeamAppSummary } from '@tollgate/contracts';
import { DataTable, type DataTableColumn, type TableParamsSpec } from '@tollgate/ui';
import Link from 'next/link';
import { useMemo } from 'react';

// Every app of the caller's teams on one page: a team has tens of apps, not thousands.
const APPS_TABLE: TableParamsSpec = { pageSizes: [100] };

/** The caller's apps by name, each linking to its page of subscriptions and keys. */
export function AppsTable({ apps, showTeam }: { apps: TTeamAppSummary[]; showTeam: boolean }) {
  const columns = useMemo<DataTableColumn<TTeamAppSummary>[]>(
    () => [
      {
        accessorKey: 'name',
        header: 'App',
        cell: ({ row }) => (
          <div className="grid gap-0.5">
            <Link href={`/apps/${row.original.slug}`} className="font-medium text-primary underline-offset-4 hover:underline focus-visible:underline">
              {row.original.name}
            </Link>
            <code className="font-mono text-xs text-muted-foreground">{row.original.slug}</code>
          </div>
        ),
      },
      ...(showTeam ? [{ id: 'team', header: 'Team', cell: ({ row }) => row.original.team.name } satisfies DataTableColumn<TTeamAppSummary>] : []),
      { accessorKey: 'subscriptions', header: 'Subscriptions', cell: ({ row }) => <span className="tabular-nums">{row.original.subscriptions}</span> },
      { accessorKey: 'activeKeys', header: 'Keys', cell: ({ row }) => <span className="tabular-nums">{row.original.activeKeys}</span> },
      { accessorKey: 'createdAt', header: 'Created', cell: ({ row }) => <time dateTime={row.original.createdAt}>{row.original.createdAt.slice(0, 10)}</time> },
    ],
    [showTeam],
  );
  return <DataTable caption="Your apps" columns={columns} rows={apps} params={APPS_TABLE} getRowId={(app) => app.id} empty="No apps yet: create one to subscribe to an API and get a key." />;
}
