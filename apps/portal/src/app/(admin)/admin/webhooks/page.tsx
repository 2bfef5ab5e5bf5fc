import { listWebhooks } from '@tollgate/operations';
import { EmptyState, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import { Webhook } from 'lucide-react';
import type { Metadata } from 'next';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { CreateWebhookDialog } from './_components/create-webhook-dialog';
import { WebhooksTable } from './_components/webhooks-table';
import { WEBHOOKS_TABLE } from './_components/webhooks-table-spec';

export const metadata: Metadata = { title: 'Webhooks' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WebhooksPage({ searchParams }: Props) {
  const state = parseTableSearchParams(await searchParams, WEBHOOKS_TABLE);
  const read = (cursor: string | null) => readAsAdmin(listWebhooks, { limit: state.pageSize, ...(cursor ? { cursor } : {}) }, '/admin/webhooks');
  const page = await read(state.cursor).catch((error: { code?: string }) => (error.code === 'invalid_params' ? read(null) : Promise.reject(error)));
  return (
    <div className="grid min-w-0 grid-cols-1 gap-6">
      <PageHeader
        title="Webhooks"
        className="mb-0"
        description="Usage records and closed statements as signed CloudEvents. Failed deliveries are retried with backoff, then kept as dead letters you can replay."
        actions={<CreateWebhookDialog />}
      />
      {page.items.length === 0 && !state.cursor ? (
        <EmptyState title="No webhooks yet" icon={<Webhook />}>
          Add an https endpoint to receive usage and billing events as they happen.
        </EmptyState>
      ) : (
        <WebhooksTable rows={page.items} nextCursor={page.next_cursor} />
      )}
    </div>
  );
}
