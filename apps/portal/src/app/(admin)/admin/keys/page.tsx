import { listKeys, listTeams } from '@tollgate/operations';
import { EmptyState, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import { KeyRound } from 'lucide-react';
import type { Metadata } from 'next';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { KeysTable } from './_components/keys-table';
import { KEYS_TABLE } from './_components/keys-table-params';

export const metadata: Metadata = { title: 'Keys' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const RETURN_TO = '/admin/keys';

export default async function AdminKeysPage({ searchParams }: Props) {
  const state = parseTableSearchParams(await searchParams, KEYS_TABLE);
  const query = { limit: state.pageSize, ...(state.cursor ? { cursor: state.cursor } : {}), ...(state.q ? { q: state.q } : {}), ...state.filters };
  const page = await readAsAdmin(listKeys, query, RETURN_TO).catch(async (error: unknown) => {
    if ((error as { code?: string }).code !== 'invalid_params') throw error;
    return readAsAdmin(listKeys, { limit: state.pageSize }, RETURN_TO);
  });
  const teams = await readAsAdmin(listTeams, { limit: 100 }, RETURN_TO);
  const filtered = Boolean(state.q || state.cursor || Object.keys(state.filters).length);
  return (
    <div className="grid gap-6">
      <PageHeader title="Keys" className="mb-0" description="Every API key by its display prefix. Tollgate stores only a hash of each key; revoked keys are refused by the gateways within a second." />
      {page.items.length === 0 && !filtered ? (
        <EmptyState title="No keys yet" icon={<KeyRound />}>
          Create a key on an app&apos;s page (Teams → a team → an app), or with <code className="font-mono text-xs">npx tollgate keys create --app SLUG</code>.
        </EmptyState>
      ) : (
        <KeysTable keys={page.items} nextCursor={page.next_cursor} teams={teams.items.map((team) => team.slug)} />
      )}
    </div>
  );
}
