import type { Metadata } from 'next';
import { Badge, type BadgeTone } from '@/components/badge';
import { ComingSoon } from '@/components/coming-soon';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { requireAdmin } from '@/lib/auth/require-admin';
import { Table, Td } from '@/components/table';
import { formatDate } from '@/lib/format';
import { listApis } from '@/server/apis/list-apis';

export const metadata: Metadata = { title: 'APIs' };

const STATUS_TONE: Record<string, BadgeTone> = { published: 'green', draft: 'neutral', deprecated: 'amber', retired: 'red' };

export default async function AdminApisPage() {
  await requireAdmin('/admin/apis');
  const apis = await listApis();
  return (
    <div className="space-y-8">
      <PageHeader title="APIs" description="Every API the gateway knows, published or not." />
      {apis.length === 0 ? (
        <EmptyState title="No APIs yet">Apply a config file with `npx tollgate apply -f tollgate.yaml`.</EmptyState>
      ) : (
        <Table head={['Name', 'Slug', 'Base path', 'Routes', 'Visibility', 'Status', 'Updated']}>
          {apis.map((api) => (
            <tr key={api.id}>
              <Td>
                <span className="font-medium text-slate-900">{api.name}</span>
              </Td>
              <Td mono>{api.slug}</Td>
              <Td mono>{api.basePath}</Td>
              <Td>{api._count.routes}</Td>
              <Td>{api.visibility}</Td>
              <Td>
                <Badge tone={STATUS_TONE[api.status] ?? 'neutral'}>{api.status}</Badge>
              </Td>
              <Td>{formatDate(api.updatedAt)}</Td>
            </tr>
          ))}
        </Table>
      )}
      <ComingSoon title="Edit APIs">Create and edit APIs, routes, upstream targets and policies here.</ComingSoon>
    </div>
  );
}
