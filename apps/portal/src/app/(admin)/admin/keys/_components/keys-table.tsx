'use client';

import type { TKeyResource } from '@tollgate/contracts';
import { DataTable, type DataTableColumn, type TableParamsSpec } from '@tollgate/ui';
import Link from 'next/link';
import { useMemo } from 'react';
import { Timestamp } from '../../_components/timestamp';
import { KeyAnalyticsExclusion } from './key-analytics-exclusion';
import { KeyStateBadge } from './key-state-badge';
import { KEY_STATE_OPTIONS, KEYS_TABLE } from './keys-table-params';
import { RevokeKeyButton } from './revoke-key-button';

export type KeysTableProps = {
  keys: TKeyResource[];
  nextCursor: string | null;
  teams?: string[];
  params?: TableParamsSpec;
  caption?: string;
  /** Leave out the app and team columns (on an app's own page). */
  hideApp?: boolean;
};

/** Keys by their display prefix, with the last time each was used; never a secret. */
export function KeysTable({ keys, nextCursor, teams = [], params = KEYS_TABLE, caption = 'API keys', hideApp = false }: KeysTableProps) {
  const columns = useMemo<DataTableColumn<TKeyResource>[]>(
    () => [
      { accessorKey: 'prefix', header: 'Prefix', cell: ({ row }) => <code className="font-mono text-xs">{row.original.prefix}…</code> },
      { accessorKey: 'name', header: 'Name', cell: ({ row }) => row.original.name || <span className="text-muted-foreground">—</span> },
      ...(hideApp
        ? []
        : [
            {
              id: 'app',
              header: 'App',
              cell: ({ row }) => (
                <Link href={`/admin/apps/${row.original.app}`} className="text-primary underline-offset-4 hover:underline focus-visible:underline">
                  {row.original.app}
                </Link>
              ),
            } satisfies DataTableColumn<TKeyResource>,
            { accessorKey: 'team', header: 'Team', cell: ({ row }) => <code className="font-mono text-xs">{row.original.team}</code> } satisfies DataTableColumn<TKeyResource>,
          ]),
      { accessorKey: 'scopes', header: 'Scopes', cell: ({ row }) => (row.original.scopes.length ? row.original.scopes.join(', ') : <span className="text-muted-foreground">all subscribed</span>) },
      { accessorKey: 'state', header: 'State', cell: ({ row }) => <KeyStateBadge state={row.original.state} /> },
      { accessorKey: 'lastUsedAt', header: 'Last used', cell: ({ row }) => (row.original.lastUsedAt ? <Timestamp iso={row.original.lastUsedAt} /> : <span className="text-muted-foreground">never</span>) },
      { accessorKey: 'expiresAt', header: 'Expires', cell: ({ row }) => (row.original.expiresAt ? <Timestamp iso={row.original.expiresAt} absolute /> : <span className="text-muted-foreground">never</span>) },
      { accessorKey: 'createdAt', header: 'Created', cell: ({ row }) => <time dateTime={row.original.createdAt}>{row.original.createdAt.slice(0, 10)}</time> },
      { id: 'excluded', header: 'Excluded', cell: ({ row }) => <KeyAnalyticsExclusion apiKey={row.original} /> },
      { id: 'revoke', header: () => <span className="sr-only">Actions</span>, cell: ({ row }) => <RevokeKeyButton apiKey={row.original} /> },
    ],
    [hideApp],
  );
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={keys}
      params={params}
      nextCursor={nextCursor}
      getRowId={(key) => key.id}
      searchLabel={params === KEYS_TABLE ? 'Search keys by prefix or name' : undefined}
      filters={
        params === KEYS_TABLE
          ? [
              { id: 'state', label: 'State', options: KEY_STATE_OPTIONS },
              { id: 'team', label: 'Team', options: teams.map((slug) => ({ value: slug, label: slug })) },
            ]
          : undefined
      }
      empty="No key matches."
    />
  );
}
