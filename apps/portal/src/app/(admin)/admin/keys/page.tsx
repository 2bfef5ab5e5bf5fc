import type { Metadata } from 'next';
import { Badge } from '@/components/badge';
import { ComingSoon } from '@/components/coming-soon';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { requireAdmin } from '@/lib/auth/require-admin';
import { Table, Td } from '@/components/table';
import { formatDate } from '@/lib/format';
import { listKeys } from '@/server/keys/list-keys';

export const metadata: Metadata = { title: 'Keys' };

function keyState(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date) {
  if (key.revokedAt) return <Badge tone="red">revoked</Badge>;
  if (key.expiresAt && key.expiresAt <= now) return <Badge tone="amber">expired</Badge>;
  return <Badge tone="green">active</Badge>;
}

export default async function AdminKeysPage() {
  await requireAdmin('/admin/keys');
  const keys = await listKeys();
  const now = new Date();
  return (
    <div className="space-y-8">
      <PageHeader title="Keys" description="API keys by their display prefix. Tollgate stores only a hash of each key." />
      {keys.length === 0 ? (
        <EmptyState title="No keys yet">Create one with `npx tollgate keys create --app SLUG`.</EmptyState>
      ) : (
        <Table head={['Prefix', 'Name', 'App', 'Team', 'Environment', 'State', 'Expires', 'Last used']}>
          {keys.map((key) => (
            <tr key={key.id}>
              <Td mono>{key.prefix}…</Td>
              <Td>{key.name || '—'}</Td>
              <Td>{key.app.name}</Td>
              <Td mono>{key.app.team.slug}</Td>
              <Td>{key.environment}</Td>
              <Td>{keyState(key, now)}</Td>
              <Td>{formatDate(key.expiresAt)}</Td>
              <Td>{formatDate(key.lastUsedAt)}</Td>
            </tr>
          ))}
        </Table>
      )}
      <ComingSoon title="Revoke and rotate">Revoke keys and rotate them with a grace period here.</ComingSoon>
    </div>
  );
}
