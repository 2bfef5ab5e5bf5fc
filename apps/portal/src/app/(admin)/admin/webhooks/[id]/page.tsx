import { getWebhook, listWebhookDeliveries } from '@tollgate/operations';
import { Badge, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import { ChevronLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { Timestamp } from '../../_components/timestamp';
import { eventsLabel } from '../_components/event-type-options';
import { DELIVERIES_TABLE } from '../_components/webhooks-table-spec';
import { DeliveriesTable } from './_components/deliveries-table';
import { WebhookActions } from './_components/webhook-actions';

export const metadata: Metadata = { title: 'Webhook' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WebhookPage({ params, searchParams }: Props) {
  const { id } = await params;
  const returnTo = `/admin/webhooks/${id}`;
  const webhook = await readAsAdmin(getWebhook, { id }, returnTo).catch((error: { code?: string }) => (error.code === 'not_found' ? notFound() : Promise.reject(error)));
  const state = parseTableSearchParams(await searchParams, DELIVERIES_TABLE);
  const status = ['pending', 'delivered', 'dead'].includes(state.filters.status ?? '') ? state.filters.status : undefined;
  const read = (cursor: string | null) => readAsAdmin(listWebhookDeliveries, { webhookId: id, limit: state.pageSize, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }, returnTo);
  const deliveries = await read(state.cursor).catch((error: { code?: string }) => (error.code === 'invalid_params' ? read(null) : Promise.reject(error)));
  return (
    <div className="grid min-w-0 grid-cols-1 gap-6">
      <Link href="/admin/webhooks" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ChevronLeft className="size-4" aria-hidden="true" /> Webhooks
      </Link>
      <PageHeader title="Webhook" className="mb-0" description={<span className="break-all font-mono">{webhook.url}</span>} actions={<WebhookActions webhook={webhook} />} />
      <dl className="grid gap-4 rounded-xl border border-border bg-card p-5 text-sm text-card-foreground shadow-sm sm:grid-cols-4">
        <div className="grid gap-1">
          <dt className="text-muted-foreground">State</dt>
          <dd>{webhook.active ? <Badge tone="success">active</Badge> : <Badge tone="warning">paused</Badge>}</dd>
        </div>
        <div className="grid gap-1">
          <dt className="text-muted-foreground">Events</dt>
          <dd>{eventsLabel(webhook.events)}</dd>
        </div>
        <div className="grid gap-1">
          <dt className="text-muted-foreground">Team</dt>
          <dd>{webhook.team ?? 'every team'}</dd>
        </div>
        <div className="grid gap-1">
          <dt className="text-muted-foreground">Created</dt>
          <dd>
            <Timestamp iso={webhook.createdAt} absolute />
          </dd>
        </div>
      </dl>
      <section aria-labelledby="deliveries-heading" className="grid min-w-0 grid-cols-1 gap-3">
        <h2 id="deliveries-heading" className="text-lg font-semibold text-foreground">
          Delivery log
        </h2>
        <DeliveriesTable rows={deliveries.items} nextCursor={deliveries.next_cursor} filtered={status !== undefined} />
      </section>
    </div>
  );
}
