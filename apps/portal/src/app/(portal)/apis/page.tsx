import type { Metadata } from 'next';
import { Badge } from '@/components/badge';
import { ComingSoon } from '@/components/coming-soon';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { Table, Td } from '@/components/table';
import { env } from '@/env';
import { listCatalogApis } from '@/server/apis/list-catalog-apis';

export const metadata: Metadata = { title: 'APIs' };

export default async function ApisPage() {
  const apis = await listCatalogApis();
  return (
    <div className="space-y-8">
      <PageHeader title="APIs" description={`Public APIs served by the gateway at ${env.GATEWAY_PUBLIC_URL}.`} />
      {apis.length === 0 ? (
        <EmptyState title="No APIs published yet" />
      ) : (
        <Table head={['Name', 'Description', 'Gateway path', 'Status']}>
          {apis.map((api) => (
            <tr key={api.slug}>
              <Td>
                <span className="font-medium text-slate-900">{api.name}</span>
              </Td>
              <Td>{api.description || '—'}</Td>
              <Td mono>{api.basePath}</Td>
              <Td>
                <Badge tone={api.status === 'deprecated' ? 'amber' : 'green'}>{api.status}</Badge>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <ComingSoon title="API reference and plans">Each API gets a page with its OpenAPI reference, its plans and a subscribe button.</ComingSoon>
    </div>
  );
}
