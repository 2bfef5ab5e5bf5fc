'use client';

import type { TTeamKey } from '@tollgate/contracts';
import { Badge, DataTable, type DataTableColumn, type TableParamsSpec } from '@tollgate/ui';
import { useMemo } from 'react';
import { KeyStateBadge } from '../../../../(admin)/admin/keys/_components/key-state-badge';
import { Timestamp } from '../../../../(admin)/admin/_components/timestamp';
import { RevokeKeyButton } from './revoke-key-button';
import { RollKeyDialog } from './roll-key-dialog';

const APP_KEYS: TableParamsSpec = { pageSizes: [100] };

const none = (text: string) => <span className="text-muted-foreground">{text}</span>;

type KeyRow = TTeamKey & { replacesPrefix: string | null };

/** The app's keys by prefix, newest first: never a secret. A key still in its grace after a roll shows when it stops. */
export function KeysTable({ keys, appName }: { keys: TTeamKey[]; appName: string }) {
  const rows = useMemo<KeyRow[]>(() => {
    const prefixOf = new Map(keys.map((key) => [key.id, key.prefix]));
    return keys.map((key) => ({ ...key, replacesPrefix: key.rotatedFromId ? (prefixOf.get(key.rotatedFromId) ?? null) : null }));
  }, [keys]);
  // Stable columns: cells keep their state (a roll dialog showing its new secret) when the keys change underneath.
  const columns = useMemo<DataTableColumn<KeyRow>[]>(
    () => [
      {
        accessorKey: 'prefix',
        header: 'Key',
        cell: ({ row }) => (
          <div className="grid gap-0.5">
            <code className="font-mono text-xs">{row.original.prefix}…</code>
            <span className="text-sm">{row.original.name || none('unnamed')}</span>
            {row.original.replacesPrefix ? <span className="text-xs text-muted-foreground">replaces {row.original.replacesPrefix}…</span> : null}
          </div>
        ),
      },
      { accessorKey: 'environment', header: 'Env', cell: ({ row }) => <Badge tone={row.original.environment === 'live' ? 'info' : 'neutral'}>{row.original.environment}</Badge> },
      { accessorKey: 'scopes', header: 'May call', cell: ({ row }) => (row.original.scopes.length ? <code className="font-mono text-xs">{row.original.scopes.join(', ')}</code> : 'Whole app') },
      { accessorKey: 'state', header: 'State', cell: ({ row }) => <KeyStateBadge state={row.original.state} /> },
      { accessorKey: 'lastUsedAt', header: 'Last used', cell: ({ row }) => (row.original.lastUsedAt ? <Timestamp iso={row.original.lastUsedAt} /> : none('never')) },
      { accessorKey: 'expiresAt', header: 'Expires', cell: ({ row }) => (row.original.expiresAt ? <Timestamp iso={row.original.expiresAt} absolute /> : none('never')) },
      {
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row }) =>
          row.original.state === 'active' ? (
            <div className="flex gap-2">
              <RollKeyDialog apiKey={row.original} />
              <RevokeKeyButton apiKey={row.original} />
            </div>
          ) : null,
      },
    ],
    [],
  );
  return <DataTable caption={`Keys of ${appName}`} columns={columns} rows={rows} params={APP_KEYS} getRowId={(key) => key.id} empty="No keys yet: create one to call the APIs this app subscribes to." />;
}
